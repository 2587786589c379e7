package dev.modelctl.core.catalog;

/** On-demand USD per 1,000 input and output tokens. */
public record Price(double input, double output) {
}
