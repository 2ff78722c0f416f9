/**
 * Administrative requests ("my requests"): request types defined in configuration with their typed fields, their
 * approval route (the manager through the approval module, then HR's queue) and what completion produces; each
 * request's timeline; certificates generated as PDF with a public verification address.
 *
 * <p>API: {@link org.guichet.request.RequestManagement} (agents), {@link org.guichet.request.RequestReview}
 * (deciders), {@link org.guichet.request.RequestDocuments} (documents, attachments, verification). The rules of a
 * request's route are its aggregate's moves ({@code domain.Request}). Published events: {@link
 * org.guichet.request.RequestSubmitted}, {@link org.guichet.request.RequestStepApproved}, {@link
 * org.guichet.request.RequestRejected}, {@link org.guichet.request.RequestInformationRequested}, {@link
 * org.guichet.request.RequestAwaitingHr}, {@link org.guichet.request.RequestCompleted}, {@link
 * org.guichet.request.RequestCancelled}.
 */
@ApplicationModule(
        displayName = "Requests",
        allowedDependencies = {"directory", "approval", "payslip", "platform :: web-access"})
@NullMarked
package org.guichet.request;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
