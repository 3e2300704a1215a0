package org.oko.forms.internal.submission;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;

/** Which keys a school may type a value into: input indicators and cells of input columns in rows that exist. */
final class ValueKeys {

    static final Pattern OPEN_ROW = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private ValueKeys() {
    }

    /**
     * The input indicator a key stands for.
     *
     * @param structuralUnits the organisation's own rows for STRUCTURAL_UNIT tables
     * @throws SubmissionException INVALID naming why the key is not an input
     */
    static Indicator input(FormDefinition definition, String key, List<RowSpec> structuralUnits) {
        Optional<CellKey> cell = CellKey.parse(key);
        if (cell.isEmpty()) {
            SectionItem item = definition.item(key).orElseThrow(() -> invalid(key, "submission.no-such-indicator", key));
            if (!(item instanceof Indicator indicator)) {
                throw invalid(key, "submission.table-name-cell", key);
            }
            return computedRefused(indicator, key);
        }
        CellKey address = cell.get();
        SectionItem item = definition.item(address.table()).orElse(null);
        if (!(item instanceof Table table)) {
            throw invalid(key, "submission.no-such-table", address.table());
        }
        Indicator column = table.columns().stream().filter(c -> c.code().equals(address.column())).findFirst()
                .orElseThrow(() -> invalid(key, "submission.no-such-column", address.column(), table.code()));
        Rows rows = table.rows();
        boolean known = switch (rows.kind()) {
            case FIXED -> rows.fixed().stream().anyMatch(r -> r.key().equals(address.row()));
            case BREAKDOWN -> (rows.breakdown() == Breakdown.STRUCTURAL_UNIT ? structuralUnits : rows.breakdown().rows())
                    .stream().anyMatch(r -> r.key().equals(address.row()));
            case OPEN -> OPEN_ROW.matcher(address.row()).matches();
        };
        if (!known) {
            throw invalid(key, "submission.no-such-row", address.row(), table.code());
        }
        return computedRefused(column, key);
    }

    private static Indicator computedRefused(Indicator indicator, String key) {
        if (indicator.isComputed()) {
            throw invalid(key, "submission.computed-by-server", key);
        }
        return indicator;
    }

    /** A refusal of {@code key} whose code and text key is {@code code}. */
    private static SubmissionException invalid(String key, String code, Object... arguments) {
        return SubmissionException.of(SubmissionException.Kind.INVALID, code, arguments).withField(key);
    }
}
