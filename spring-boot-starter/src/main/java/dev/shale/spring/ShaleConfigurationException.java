package dev.shale.spring;

/**
 * A start-up refused because of how the migration connection is configured ({@code shale.url},
 * {@code shale.user}, {@code shale.password}, or no DataSource at all). Boot's own report for an invalid
 * property would print the property's value, which may be or hold a password; this one never does.
 */
final class ShaleConfigurationException extends RuntimeException {
    private final String problem;
    private final String action;

    /**
     * @param problem what is wrong, without any secret
     * @param action what to change
     */
    ShaleConfigurationException(String problem, String action) {
        super(problem + " " + action);
        this.problem = problem;
        this.action = action;
    }

    String problem() {
        return problem;
    }

    String action() {
        return action;
    }
}
