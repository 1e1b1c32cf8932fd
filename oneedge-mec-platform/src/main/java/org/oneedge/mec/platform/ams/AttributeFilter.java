package org.oneedge.mec.platform.ams;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.MecProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attribute-based filter of MEC 009 6.19 ({@code filter=(eq,appDId,cse);(neq,mecHostInformation/hostName,h1)})
 * evaluated on a JSON representation: expressions joined by {@code ;} must all hold; operators {@code eq},
 * {@code neq}, {@code in}, {@code nin}, {@code cont}, {@code ncont}; attribute paths use {@code /}.
 */
final class AttributeFilter {

    private record Term(String op, String[] path, List<String> values) {
    }

    private final List<Term> terms;

    private AttributeFilter(List<Term> terms) {
        this.terms = terms;
    }

    static AttributeFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new AttributeFilter(List.of());
        }
        List<Term> terms = new ArrayList<>();
        for (String expr : filter.split(";")) {
            String e = expr.trim();
            if (!e.startsWith("(") || !e.endsWith(")")) {
                throw MecProblemException.badRequest("filter expression '" + e + "' must look like (op,attr,value)");
            }
            String[] parts = e.substring(1, e.length() - 1).split(",");
            if (parts.length < 3) {
                throw MecProblemException.badRequest("filter expression '" + e + "' needs an operator, an attribute "
                        + "and a value");
            }
            String op = parts[0].trim();
            if (!List.of("eq", "neq", "in", "nin", "cont", "ncont").contains(op)) {
                throw MecProblemException.badRequest("unsupported filter operator '" + op + "'");
            }
            terms.add(new Term(op, parts[1].trim().split("/"),
                    Arrays.stream(parts, 2, parts.length).map(String::trim).toList()));
        }
        return new AttributeFilter(terms);
    }

    boolean test(JsonNode json) {
        for (Term t : terms) {
            JsonNode node = json;
            for (String step : t.path()) {
                node = node.path(step);
            }
            String value = node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText()
                    : node.toString();
            boolean holds = switch (t.op()) {
                case "eq" -> value != null && value.equals(t.values().get(0));
                case "neq" -> value == null || !value.equals(t.values().get(0));
                case "in" -> value != null && t.values().contains(value);
                case "nin" -> value == null || !t.values().contains(value);
                case "cont" -> value != null && value.contains(t.values().get(0));
                default -> value == null || !value.contains(t.values().get(0));
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
