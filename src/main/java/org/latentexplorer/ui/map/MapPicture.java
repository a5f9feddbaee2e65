package org.latentexplorer.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.latentexplorer.ui.services.Projection;

/**
 * The map as a picture to publish: the points as on screen (same region, colours, hidden classes and
 * selection) at a chosen size, framed with both axes' names and values, the legend on the right and the
 * projection's caption below.
 */
final class MapPicture {
    static final int LEFT = 64, BOTTOM = 44, RIGHT = 190, TOP = 12, CAPTION = 22;

    private MapPicture() {
    }

    /**
     * @param view   the view on screen; the picture shows the same centre, its scale stretched so the same
     *               width of the layout fills the picture's plot
     * @param width  the whole picture's width in pixels (plot, axes and legend)
     */
    static BufferedImage draw(Viewport view, Projection p, int[] colours, boolean[] visible, int[] front, int[] selection,
                              List<MapViewModel.LegendEntry> legend, String legendTitle, String caption, int width,
                              int height) {
        int pw = Math.max(50, width - LEFT - RIGHT), ph = Math.max(50, height - TOP - BOTTOM - CAPTION);
        Viewport v = new Viewport(view.cx(), view.cy(), view.scale() * pw / Math.max(1.0, view.width()), pw, ph);
        int[] plot = new int[pw * ph];
        MapRenderer.render(plot, v, p.x(), p.y(), colours, visible, front, selection, false);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            BufferedImage points = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
            points.setRGB(0, 0, pw, ph, plot, 0, pw);
            g.drawImage(points, LEFT, TOP, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x66, 0x66, 0x66));
            g.setStroke(new BasicStroke(1));
            g.drawRect(LEFT, TOP, pw, ph);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            String[] names = MapAxes.names(p);
            g.setColor(new Color(0x33, 0x33, 0x33));
            for (double t : MapAxes.ticks(v.toDataX(0), v.toDataX(pw), Math.max(2, pw / 90))) {
                int x = LEFT + (int) Math.round(v.toScreenX(t));
                g.drawLine(x, TOP + ph, x, TOP + ph + 4);
                String s = MapAxes.format(t);
                g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + 6 + fm.getAscent());
            }
            for (double t : MapAxes.ticks(v.toDataY(ph), v.toDataY(0), Math.max(2, ph / 70))) {
                int y = TOP + (int) Math.round(v.toScreenY(t));
                g.drawLine(LEFT - 4, y, LEFT, y);
                String s = MapAxes.format(t);
                g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
            Font bold = font.deriveFont(Font.BOLD);
            g.setFont(bold);
            FontMetrics bm = g.getFontMetrics();
            g.drawString(names[0], LEFT + (pw - bm.stringWidth(names[0])) / 2, TOP + ph + 8 + fm.getHeight() + bm.getAscent());
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString(names[1], -(TOP + (ph + bm.stringWidth(names[1])) / 2), bm.getAscent() + 2);
            r.dispose();
            // Legend: the entries shown, in order.
            int lx = LEFT + pw + 16, ly = TOP + bm.getAscent();
            g.drawString(legendTitle, lx, ly);
            g.setFont(font);
            ly += 8;
            for (MapViewModel.LegendEntry e : legend) {
                if (!e.shown() || ly + fm.getHeight() > TOP + ph) {
                    continue;
                }
                ly += fm.getHeight() + 2;
                g.setColor(new Color(e.argb() & 0xFFFFFF));
                g.fillRect(lx, ly - fm.getAscent() + 1, 10, 10);
                g.setColor(new Color(0x33, 0x33, 0x33));
                g.drawString(fit(e.name(), fm, RIGHT - 36), lx + 16, ly);
            }
            g.setColor(new Color(0x55, 0x55, 0x55));
            g.drawString(fit(caption, fm, width - 16), 8, height - 7);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(String text, FontMetrics fm, int room) {
        if (text == null || fm.stringWidth(text) <= room) {
            return text == null ? "" : text;
        }
        int n = text.length();
        while (n > 1 && fm.stringWidth(text.substring(0, n) + "…") > room) {
            n--;
        }
        return text.substring(0, n) + "…";
    }
}
