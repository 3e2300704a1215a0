package org.oko.noko.internal.scores;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.Methods;
import org.oko.noko.internal.store.CheckStore;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The operator's checklist of an organisation: each item of the method's checklists present or not, with its
 * evidence — a link, or a file (PDF or an image, at most 10 MB) kept in the module's folder. The operator's
 * accounts and the centre write; the organisation's founder reads.
 */
@Component(service = NokoChecks.class)
public class NokoChecks {

    static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;

    @Reference
    private NokoData data;

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private Methods methods;

    @Reference
    private StorageGuard storage;

    /** A checklist item with what the operator found. */
    public record Line(String checklist, String checklistName, String item, String name, Boolean present, String link, String file, String checkedBy, Instant checkedAt) {
    }

    public List<Line> checklist(int year, String organisation) throws Exception {
        Campaign campaign = readable(year, organisation);
        Method method = method(campaign);
        Map<String, CheckStore.Check> checks = data.checks().checks(year, organisation);
        List<Line> lines = new ArrayList<>();
        for (Method.Checklist list : method.checklists()) {
            for (Method.Item item : list.items()) {
                CheckStore.Check c = checks.get(item.code());
                lines.add(new Line(list.code(), list.name(), item.code(), item.name(), c == null ? null : c.present(), c == null ? null : c.link(),
                        c == null ? null : c.file(), c == null ? null : c.checkedBy(), c == null ? null : c.checkedAt()));
            }
        }
        return lines;
    }

    /** What the operator enters for an item. */
    public record Entry(String item, boolean present, String link) {
    }

    public void set(int year, String organisation, List<Entry> entries) throws Exception {
        Caller caller = writer(year, organisation);
        Campaign campaign = campaigns.campaign(year);
        Set<String> items = new java.util.HashSet<>(method(campaign).items().stream().map(Method.Item::code).toList());
        Map<String, CheckStore.Check> before = data.checks().checks(year, organisation);
        List<CheckStore.Check> checks = new ArrayList<>();
        for (Entry e : entries) {
            if (!items.contains(e.item())) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.check.no-such-item", String.valueOf(e.item()));
            }
            String link = e.link() == null || e.link().isBlank() ? null : e.link().trim();
            if (link != null && (link.length() > 500 || !link.matches("(?i)https?://\\S+"))) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.check.link", e.item());
            }
            CheckStore.Check old = before.get(e.item());
            checks.add(new CheckStore.Check(e.item(), e.present(), link, old == null ? null : old.file(), caller.login(), Instant.now()));
        }
        data.checks().set(year, organisation, checks);
    }

    /** Stores a file as an item's evidence (replacing an earlier one): PDF, PNG or JPEG by its first bytes. */
    public void evidence(int year, String organisation, String item, String fileName, InputStream body) throws Exception {
        Caller caller = writer(year, organisation);
        Optional<String> refusal = storage.writeRefusal();
        if (refusal.isPresent()) {
            throw TEXTS.refusal(ApiException.Kind.STORAGE, "noko.check.storage", refusal.get());
        }
        if (method(campaigns.campaign(year)).items().stream().noneMatch(i -> i.code().equals(item))) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.check.no-such-item", item);
        }
        String extension = Uploads.handOver(body, MAX_EVIDENCE_BYTES, "oko-noko-evidence-", file -> {
            String type = type(file);
            if (type == null) {
                Files.deleteIfExists(file);
                throw TEXTS.refusal(ApiException.Kind.UNSUPPORTED_TYPE, "noko.check.file-type");
            }
            Path folder = data.evidenceFolder().resolve(String.valueOf(year)).resolve(organisation);
            Files.createDirectories(folder);
            Files.move(file, folder.resolve(item + "." + type), StandardCopyOption.REPLACE_EXISTING);
            return type;
        });
        CheckStore.Check old = data.checks().checks(year, organisation).get(item);
        data.checks().set(year, organisation, List.of(new CheckStore.Check(item, old == null || old.present(), old == null ? null : old.link(),
                item + "." + extension, caller.login(), Instant.now())));
    }

    /** An item's evidence file: its path and media type. */
    public record Evidence(Path file, String mediaType) {
    }

    public Evidence evidenceFile(int year, String organisation, String item) throws Exception {
        readable(year, organisation);
        CheckStore.Check check = data.checks().checks(year, organisation).get(item);
        if (check == null || check.file() == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.check.no-evidence");
        }
        Path file = data.evidenceFolder().resolve(String.valueOf(year)).resolve(organisation).resolve(check.file());
        String type = check.file().substring(check.file().lastIndexOf('.') + 1);
        return new Evidence(file, switch (type) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            default -> "image/jpeg";
        });
    }

    /** pdf, png or jpg by the file's first bytes; null for anything else. */
    static String type(Path file) throws java.io.IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "pdf";
        }
        if (read >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "png";
        }
        if (read >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        return null;
    }

    /** The operator's accounts and the centre write an open campaign's checks. */
    private Caller writer(int year, String organisation) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        Campaign campaign = campaigns.campaign(year);
        if (!caller.hasAnyRole(NokoCampaigns.CENTRE) && !NokoCampaigns.operator(caller, campaign)) {
            throw TEXTS.refusal(ApiException.Kind.FORBIDDEN, "noko.check.not-operator");
        }
        if (!Campaign.OPEN.equals(campaign.state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.check.closed");
        }
        target(year, organisation);
        return caller;
    }

    /** The centre, the ministry and the operator read any organisation's checks, a founder its own schools'. */
    private Campaign readable(int year, String organisation) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        Campaign campaign = campaigns.campaign(year);
        boolean may = caller.hasAnyRole(NokoCampaigns.CENTRE) || caller.hasAnyRole(org.oko.platform.api.security.Role.MINISTRY_OFFICIAL)
                || NokoCampaigns.operator(caller, campaign)
                || caller.hasAnyRole(org.oko.platform.api.security.Role.FOUNDER_COORDINATOR) && caller.scope().contains(organisation);
        if (!may) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", organisation);
        }
        target(year, organisation);
        return campaign;
    }

    private void target(int year, String organisation) throws Exception {
        if (!data.campaigns().targets(year).containsKey(organisation)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", organisation);
        }
    }

    private Method method(Campaign campaign) {
        return methods.version(campaign.methodKey(), campaign.methodVersion()).orElseThrow();
    }
}
