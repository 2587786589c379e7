package dev.modelctl.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code --now}: an RFC 3339 time ({@code 2026-11-23T10:00:00Z}, {@code …T11:00:00+01:00}) as a typed option value; a bad one is a usage error, exit 2. */
public final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an RFC 3339 time (e.g. 2026-11-23T10:00:00Z)");
        }
    }
}
