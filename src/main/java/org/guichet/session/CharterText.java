package org.guichet.session;

import java.time.Instant;
import java.util.List;

/** A version of the IT charter in one language: its title and paragraphs. */
public record CharterText(int version, Instant publishedAt, String title, List<String> paragraphs) {}
