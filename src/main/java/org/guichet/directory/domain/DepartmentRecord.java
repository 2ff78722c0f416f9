package org.guichet.directory.domain;

import org.jspecify.annotations.Nullable;

/** A department as stored. */
public record DepartmentRecord(
        String code, String name, @Nullable String parentCode) {}
