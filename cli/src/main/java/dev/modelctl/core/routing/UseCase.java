package dev.modelctl.core.routing;

/** One entry of {@code use_cases}. */
public record UseCase(String name, String pointer, String model, String costOverrideModel, String description) {
}
