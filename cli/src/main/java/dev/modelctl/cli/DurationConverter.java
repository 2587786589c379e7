package dev.modelctl.cli;

import dev.modelctl.core.model.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** {@code 90s}, {@code 2m}, {@code 4h}, {@code 1h30m} as a typed option value; a bad one is picocli's one-line exit 2. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
