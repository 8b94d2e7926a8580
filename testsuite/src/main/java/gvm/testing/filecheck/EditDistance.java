package gvm.testing.filecheck;

/** Levenshtein distance with replacements, as {@code StringRef::edit_distance} computes it. */
final class EditDistance {
  private EditDistance() {}

  static int compute(CharSequence from, CharSequence to) {
    return compute(from, to, Integer.MAX_VALUE - 1);
  }

  /**
   * The distance, or any value above {@code max} once every cell of a DP row exceeds it (the
   * distance can then only be larger, so callers that just compare against a bound stop early).
   */
  static int compute(CharSequence from, CharSequence to, int max) {
    int m = from.length();
    int n = to.length();
    int[] row = new int[n + 1];
    for (int j = 0; j <= n; j++) {
      row[j] = j;
    }
    for (int i = 1; i <= m; i++) {
      int previous = row[0];
      row[0] = i;
      int rowMin = i;
      char c = from.charAt(i - 1);
      for (int j = 1; j <= n; j++) {
        int old = row[j];
        int replace = previous + (c == to.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(replace, Math.min(row[j - 1], row[j]) + 1);
        rowMin = Math.min(rowMin, row[j]);
        previous = old;
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return row[n];
  }
}
