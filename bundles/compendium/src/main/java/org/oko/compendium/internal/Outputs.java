package org.oko.compendium.internal;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.nio.charset.StandardCharsets;

import org.oko.compendium.internal.book.Book;
import org.oko.compendium.internal.book.BookJson;
import org.oko.compendium.internal.render.Html;
import org.oko.compendium.internal.render.Pdf;
import org.oko.compendium.internal.render.Stamp;
import org.oko.compendium.internal.render.Xlsx;
import org.oko.compendium.internal.store.Edition;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An edition's files: the PDF and XLSX in Russian as stored when it was built (or approved), the HTML page and the
 * English files laid out from its book on demand and kept for the last few editions asked (the public catalogue's
 * visitors ask for the same one).
 */
@Component(service = Outputs.class)
public class Outputs {

    /** A file to send. */
    public record File(byte[] content, String mediaType, String name) {
    }

    @Reference
    private CompendiumService service;

    /** The last eight laid out, by edition, format and language, while the edition's state is the same. */
    private final Kept<String, File> kept = Kept.of(Kept.UNTIL_CHANGED, 8);

    /** For the centre and the ministry, in any state. */
    public File file(long id, String format, String language) throws Exception {
        CallerContext.require(CompendiumService.READERS);
        return render(service.found(id), format, language);
    }

    /** For everyone: the year's published edition. */
    public File published(int year, String format, String language) throws Exception {
        Edition edition = service.published().stream().filter(e -> e.year() == year).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.not-published-year", String.valueOf(year)));
        return render(edition, format, language);
    }

    private File render(Edition edition, String format, String language) throws Exception {
        String lang = "en".equals(language) ? "en" : "ru";
        String name = "compendium-" + edition.year() + "-" + edition.edition() + ("en".equals(lang) ? "-en." : ".") + format;
        boolean stored = "ru".equals(lang) && !"html".equals(format);
        if (stored) {
            String column = switch (format) {
                case "pdf" -> "PDF";
                case "xlsx" -> "XLSX";
                default -> throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.no-format", format);
            };
            return new File(service.store().content(edition.id(), column).orElseThrow(), mediaType(format), name);
        }
        return kept.get(edition.id() + "/" + format + "/" + lang, edition.status(), () -> {
            Book book = BookJson.read(service.store().content(edition.id(), "BOOK").orElseThrow());
            Stamp stamp = new Stamp(edition.edition(), edition.status(), edition.approverName(), edition.approvedAt());
            return new File(switch (format) {
                case "pdf" -> Pdf.render(book, stamp, lang);
                case "xlsx" -> Xlsx.render(book, lang);
                case "html" -> Html.render(book, stamp, lang).getBytes(StandardCharsets.UTF_8);
                default -> throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.no-format", format);
            }, mediaType(format), name);
        });
    }

    private static String mediaType(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "xlsx" -> XlsxWriter.MEDIA_TYPE;
            default -> "text/html; charset=utf-8";
        };
    }
}
