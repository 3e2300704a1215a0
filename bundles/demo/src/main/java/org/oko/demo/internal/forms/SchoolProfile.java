package org.oko.demo.internal.forms;

import java.util.Random;

/**
 * One demo school as every form sees it in a year: its size by grade, shifts, teachers, support staff and
 * pupils with disabilities, its strength and its social context. The traits are the school's own (seeded by its
 * code), the numbers drift a little from year to year, so that forms agree with each other and years differ
 * only slightly. The strength is the one the demo's ВПР results give the school (same seed, same draw), so that
 * weak schools in the forms are the weak ones in ВПР too.
 */
public final class SchoolProfile {

    public static final String[] LEVELS = {"noo", "ooo", "soo"};

    private final String code;
    private final boolean rural;
    private final int year;
    private final double strength;
    private final double hardship;
    private final int[] classes = new int[12];
    private final int[] pupils = new int[12];
    private final int shifts;
    private final int teachers;
    private final int[] ovz = new int[3];
    private final int psychologists;
    private final Random yearly;

    /** @param rural the catalog's settlement type of the school */
    public SchoolProfile(String code, boolean rural, int year) {
        this.code = code;
        this.rural = rural;
        this.year = year;
        // The same draw as the demo's ВПР results (VprWorks: new Random(school.hashCode()).nextGaussian()).
        this.strength = new Random(code.hashCode()).nextGaussian();
        Random own = new Random(seed(code.hashCode(), 17));
        this.yearly = new Random(seed(code.hashCode(), year));
        this.hardship = clamp(0.25 + (rural ? 0.2 : 0) - 0.12 * strength + own.nextGaussian() * 0.12, 0.03, 0.95);
        boolean small = rural && own.nextInt(3) > 0;
        int perGrade = rural ? 1 : 1 + own.nextInt(4);
        boolean hasSoo = !small || own.nextBoolean();
        int size = rural ? (small ? 7 : 14) + own.nextInt(8) : 19 + own.nextInt(5);
        for (int grade = 1; grade <= 11; grade++) {
            classes[grade] = grade >= 10 ? (hasSoo ? Math.max(1, perGrade / 2) : 0) : perGrade;
            if (classes[grade] > 0) {
                int drift = (int) Math.round(yearly.nextGaussian() * 1.2);
                pupils[grade] = classes[grade] * Math.max(5, Math.min(25, size + drift - (grade >= 10 ? 2 : 0)));
            }
        }
        this.shifts = !rural && perGrade >= 3 ? 2 : 1;
        int total = pupilsTotal();
        this.teachers = rural ? Math.max(9, (int) Math.round(total / (8.0 + own.nextInt(3)))) : (int) Math.round(total / (14.0 + own.nextInt(4)));
        double ovzShare = 0.02 + 0.05 * hardship + own.nextDouble() * 0.02;
        for (int level = 0; level < 3; level++) {
            ovz[level] = (int) Math.round(levelPupils(level) * ovzShare * (1 + yearly.nextGaussian() * 0.1));
            ovz[level] = Math.max(0, Math.min(ovz[level], levelPupils(level)));
        }
        this.psychologists = 1 + total / 600;
    }

    public String code() {
        return code;
    }

    public boolean rural() {
        return rural;
    }

    public int year() {
        return year;
    }

    /** About a standard normal: below −0.8 a clearly weak school, above 0.8 a strong one. */
    public double strength() {
        return strength;
    }

    public boolean weak() {
        return strength < -0.8;
    }

    /** 0–1: the share of the school's families living in hard conditions, more in the country and at weak schools. */
    public double hardship() {
        return hardship;
    }

    public int classes(int grade) {
        return classes[grade];
    }

    public int pupils(int grade) {
        return pupils[grade];
    }

    /** Level 0 НОО (grades 1–4), 1 ООО (5–9), 2 СОО (10–11). */
    public int levelPupils(int level) {
        return sum(pupils, level);
    }

    public int levelClasses(int level) {
        return sum(classes, level);
    }

    public int pupilsTotal() {
        return levelPupils(0) + levelPupils(1) + levelPupils(2);
    }

    public int classesTotal() {
        return levelClasses(0) + levelClasses(1) + levelClasses(2);
    }

    public int shifts() {
        return shifts;
    }

    public int teachers() {
        return teachers;
    }

    public int ovz(int level) {
        return ovz[level];
    }

    public int psychologists() {
        return psychologists;
    }

    /** Years since 2020: what improves slowly (computers) or wears (buildings). */
    public int yearsOn() {
        return year - 2020;
    }

    /** A small change of this year: about ±{@code spread} around 0, the same every start. */
    public double drift(double spread) {
        return yearly.nextGaussian() * spread;
    }

    private static int sum(int[] byGrade, int level) {
        int from = level == 0 ? 1 : level == 1 ? 5 : 10;
        int to = level == 0 ? 4 : level == 1 ? 9 : 11;
        int sum = 0;
        for (int grade = from; grade <= to; grade++) {
            sum += byGrade[grade];
        }
        return sum;
    }

    /**
     * A seed of its parts, well mixed: java.util.Random's first draws of nearby seeds are nearly equal, and the
     * schools' codes are consecutive.
     */
    static long seed(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
