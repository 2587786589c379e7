package dev.modelctl.core.model.routing;

/** One entry of {@code use_cases}. */
public record UseCase(String name, String pointer, String model, String costOverrideModel, String description) {
}
