package dev.shale.workflow.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- shale:lint-ignore SH301[,SH302] reason} comments of a file. One silences the named rules for
 * the statement directly below its comment block (the comment lines right above the statement's first
 * line, with no blank line between). A code that names no rule is a finding (SH001), and so is an ignore
 * that silenced nothing (SH002), so a stale comment does not hide the next real hazard.
 */
final class IgnoreComments {
    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*shale:lint-ignore\\b(.*)");
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}\\d{3}");

    /**
     * One ignore comment.
     *
     * @param line the comment's line
     * @param statementLine the line of the statement it applies to
     * @param rules the rules it names
     * @param unknown codes it names that are no rule
     * @param reason the text after the codes
     */
    record Ignore(int line, int statementLine, List<LintRule> rules, List<String> unknown, String reason) {}

    private IgnoreComments() {}

    /** The ignore comments above each of {@code statementLines}. */
    static List<Ignore> of(String text, List<Integer> statementLines) {
        String[] lines = text.split("\\R", -1);
        List<Ignore> out = new ArrayList<>();
        for (int statementLine : statementLines) {
            for (int k = statementLine - 2; k >= 0 && k < lines.length; k--) {
                String l = lines[k].strip();
                if (!l.startsWith("--")) {
                    break;
                }
                Matcher m = DIRECTIVE.matcher(l);
                if (m.matches()) {
                    out.add(parse(k + 1, statementLine, m.group(1)));
                }
            }
        }
        return out;
    }

    private static Ignore parse(int line, int statementLine, String rest) {
        List<LintRule> rules = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String s = rest.strip();
        while (true) {
            Matcher m = CODE.matcher(s);
            if (!m.lookingAt()) {
                break;
            }
            LintRule r = LintRule.of(m.group());
            if (r == null) {
                unknown.add(m.group());
            } else {
                rules.add(r);
            }
            s = s.substring(m.end()).replaceFirst("^\\s*,?\\s*", "");
        }
        return new Ignore(line, statementLine, rules, unknown, s.strip());
    }

    /** Splits {@code findings} into kept and ignored, adding SH001 and SH002 findings for bad or unused comments. */
    static void apply(List<Ignore> ignores, List<Finding> findings, String file, List<Finding> kept, List<LintResult.Ignored> ignored) {
        Map<Ignore, Boolean> used = new LinkedHashMap<>();
        ignores.forEach(i -> used.put(i, false));
        for (Finding f : findings) {
            Ignore match = null;
            for (Ignore i : ignores) {
                if (i.statementLine() == f.line() && i.rules().contains(f.rule())) {
                    match = i;
                }
            }
            if (match == null) {
                kept.add(f);
            } else {
                used.put(match, true);
                ignored.add(new LintResult.Ignored(f, match.reason()));
            }
        }
        for (Ignore i : ignores) {
            if (!i.unknown().isEmpty() || i.rules().isEmpty()) {
                kept.add(new Finding(LintRule.SH001, LintRule.SH001.severity(), file, i.line(), "-- shale:lint-ignore",
                        (i.rules().isEmpty() && i.unknown().isEmpty() ? "the ignore comment names no rule"
                                : "the ignore comment names " + String.join(", ", i.unknown()) + ", which is no lint rule")
                                + "; name rules by their codes (SH101, SH301...), which `shale lint` prints"));
            } else if (!used.get(i)) {
                kept.add(new Finding(LintRule.SH002, LintRule.SH002.severity(), file, i.line(), "-- shale:lint-ignore",
                        "the ignore comment for " + String.join(", ", i.rules().stream().map(LintRule::code).toList())
                                + " silences nothing in the statement at line " + i.statementLine() + "; remove it"));
            }
        }
        kept.sort(java.util.Comparator.comparingInt(Finding::line));
    }
}
