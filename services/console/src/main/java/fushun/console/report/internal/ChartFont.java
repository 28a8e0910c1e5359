package fushun.console.report.internal;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;

/**
 * The font the charts and the preview draw with. A CJK font of the operating system when one is
 * installed (Noto Sans CJK, WenQuanYi, …: checked by asking it to display Chinese); otherwise the
 * charts label themselves without Chinese (codes and numbers), so they never show empty boxes.
 * No font is shipped in the jar (ADR 0037).
 */
public final class ChartFont {

    private static final String SAMPLE = "年度报告风险预警乡村振兴局";
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "Noto Serif CJK SC");
    private static final String FAMILY = find();

    private ChartFont() {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Null when the machine has no font that can show Chinese. */
    public static String family() {
        return FAMILY;
    }

    public static boolean chinese() {
        return FAMILY != null;
    }

    public static Font of(int style, float size) {
        return new Font(FAMILY == null ? Font.SANS_SERIF : FAMILY, style, Math.round(size)).deriveFont(size);
    }

    private static String find() {
        System.setProperty("java.awt.headless", "true");
        try {
            List<String> installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            for (String name : PREFERRED) {
                if (installed.contains(name) && new Font(name, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1) {
                    return name;
                }
            }
            for (String name : installed) {
                if (new Font(name, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1 && !name.startsWith("Dialog")
                        && !name.equals(Font.SANS_SERIF) && !name.equals(Font.SERIF) && !name.equals(Font.MONOSPACED)) {
                    return name;
                }
            }
        } catch (Throwable noFonts) {
            // no font configuration at all: the charts draw their labels without Chinese
        }
        return null;
    }
}
