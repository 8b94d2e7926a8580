package gvm.testing.filecheck;

/** Levenshtein distance with replacements, as {@code StringRef::edit_distance} computes it. */
final class EditDistance {
  private EditDistance() {}

  static int compute(CharSequence from, CharSequence to) {
    int m = from.length();
    int n = to.length();
    int[] row = new int[n + 1];
    for (int j = 0; j <= n; j++) {
      row[j] = j;
    }
    for (int i = 1; i <= m; i++) {
      int previous = row[0];
      row[0] = i;
      char c = from.charAt(i - 1);
      for (int j = 1; j <= n; j++) {
        int old = row[j];
        int replace = previous + (c == to.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(replace, Math.min(row[j - 1], row[j]) + 1);
        previous = old;
      }
    }
    return row[n];
  }
}
