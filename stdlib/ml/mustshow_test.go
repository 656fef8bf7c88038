package ml

import "testing"

// TestMustShow checks issue 8's reference numbers (k-means inertia, PCA
// ratios, cross-validated accuracies) against scikit-learn 1.2.1.
func TestMustShow(t *testing.T) { runScript(t, "testdata/mustshow_digits.sim") }

// TestMustShowSlow checks the MLP's cross-validated accuracy and t-SNE of
// the full digits (a few seconds; skipped with -short).
func TestMustShowSlow(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: MLP cross-validation and t-SNE of 1797 digits")
	}
	runScript(t, "testdata/mustshow_slow.sim")
}
