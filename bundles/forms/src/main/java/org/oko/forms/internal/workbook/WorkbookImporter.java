package org.oko.forms.internal.workbook;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.forms.internal.FormsTexts;
import org.oko.tables.api.TableException;
import org.oko.tables.api.TableHandler;
import org.oko.tables.api.TableReader;
import org.oko.tables.api.TableRow;

/**
 * Reads back the form's own workbook ({@link FormWorkbook}), offered for every form as importer {@value #ID}: the
 * columns «Код» and «Значение» found by name, a row with an empty value left as it is, yes and no and the choices'
 * labels turned into values; every other check is the platform's, as for any importer (all or nothing, row by row).
 */
public final class WorkbookImporter implements FormImporter {

    public static final String ID = "workbook";
    public static final WorkbookImporter INSTANCE = new WorkbookImporter();

    private WorkbookImporter() {
    }

    @Override
    public Text title() {
        return FormsTexts.text("workbook.importer");
    }

    @Override
    public Result read(FormDefinition definition, String organisationCode, String fileName, byte[] content) {
        List<Value> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            TableReader.read(new ByteArrayInputStream(content), fileName, new TableHandler() {
                private int key = -1;
                private int value = -1;

                @Override
                public void header(long number, List<String> cells) {
                    key = index(cells, FormWorkbook.KEY);
                    value = index(cells, FormWorkbook.VALUE);
                    if (key < 0 || value < 0) {
                        problems.add(new Problem((int) number, null, TEXTS.ru("workbook.no-columns", TEXTS.ru(FormWorkbook.KEY),
                                TEXTS.ru(FormWorkbook.VALUE))));
                    }
                }

                @Override
                public void row(TableRow row) {
                    if (key < 0 || value < 0 || row.cell(key).isBlank() || row.cell(value).isBlank()) {
                        return;
                    }
                    String k = row.cell(key).strip();
                    values.add(new Value(k, typed(indicator(definition, k), row.cell(value).strip()), (int) row.number()));
                }
            });
        } catch (TableException | IOException e) {
            problems.add(new Problem(0, null, e instanceof TableException t ? t.text().ru() : TEXTS.ru("workbook.unreadable", fileName)));
        }
        return new Result(values, problems);
    }

    private static int index(List<String> cells, String header) {
        String wanted = TEXTS.ru(header).toLowerCase(Locale.ROOT);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The indicator a key stands for, if any (the platform names a key that is not one). */
    static Optional<Indicator> indicator(FormDefinition definition, String key) {
        Optional<CellKey> cell = CellKey.parse(key);
        if (cell.isEmpty()) {
            return definition.item(key).filter(Indicator.class::isInstance).map(Indicator.class::cast);
        }
        return definition.item(cell.get().table()).filter(Table.class::isInstance).map(Table.class::cast)
                .flatMap(t -> t.columns().stream().filter(c -> c.code().equals(cell.get().column())).findFirst());
    }

    /** Yes and no, and choices by label or value; everything else as typed, for the platform's own reading. */
    static Object typed(Optional<Indicator> indicator, String text) {
        if (indicator.isEmpty()) {
            return text;
        }
        Indicator i = indicator.get();
        return switch (i.type()) {
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "да", "yes", "true", "1" -> Boolean.TRUE;
                case "нет", "no", "false", "0" -> Boolean.FALSE;
                default -> text;
            };
            case CHOICE -> choice(i, text);
            case MULTI_CHOICE -> Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> choice(i, s)).toList();
            default -> text;
        };
    }

    private static String choice(Indicator indicator, String text) {
        return indicator.options().stream().filter(o -> o.value().equals(text) || o.label().ru().equalsIgnoreCase(text)
                || o.label().en() != null && o.label().en().equalsIgnoreCase(text)).map(org.oko.forms.api.Option::value).findFirst().orElse(text);
    }
}
