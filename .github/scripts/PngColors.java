import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Checks a screenshot: not blank (many distinct colours), and each RRGGBB:MIN argument's colour
 * painted on at least MIN pixels (within a small tolerance for anti-aliasing).
 * Run as a source file: java PngColors.java shot.png 1f77b4:200 ff7f0e:200
 */
public class PngColors {
    public static void main(String[] args) throws Exception {
        BufferedImage img = ImageIO.read(new File(args[0]));
        if (img == null) fail(args[0] + " is not an image");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) colours.add(img.getRGB(x, y) & 0xffffff);
        if (colours.size() < 16) fail(args[0] + " is blank (" + colours.size() + " colours)");
        boolean ok = true;
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split(":");
            int want = Integer.parseInt(spec[0], 16);
            int min = Integer.parseInt(spec[1]);
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if (close(img.getRGB(x, y), want)) n++;
            System.out.println(args[0] + ": #" + spec[0] + " on " + n + " pixels (need " + min + ")");
            ok &= n >= min;
        }
        if (!ok) fail("a chart colour is missing");
    }

    private static boolean close(int rgb, int want) {
        return Math.abs(((rgb >> 16) & 255) - ((want >> 16) & 255)) <= 12 && Math.abs(((rgb >> 8) & 255) - ((want >> 8) & 255)) <= 12
                && Math.abs((rgb & 255) - (want & 255)) <= 12;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
