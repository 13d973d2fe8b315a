package uk.nhs.safety.partner.support.imports;

/**
 * The keys seen so far in one file (a claim reference, a member-month-category-harm), to refuse a key listed twice,
 * in 12 bytes per row: a 64-bit FNV-1a hash of each key and its line, in open-addressing arrays. Two different keys
 * with the same 64-bit hash would be taken for a repeat (odds about 3 in 100 million for a million rows); the message
 * names both lines so an operator can see it. Not thread-safe (one per import).
 */
public final class KeyLines {

    private long[] keys = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** Adds a key seen at a line; answers the line it was seen at before, or 0 when it is new. */
    public int add(String key, long line) {
        long h = hash(key);
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        lines[i] = (int) Math.min(Integer.MAX_VALUE, line);
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            long h = oldKeys[k];
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                lines[i] = oldLines[k];
            }
        }
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }
}
