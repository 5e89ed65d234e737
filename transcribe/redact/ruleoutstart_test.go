package redact

import "testing"

// TestRuleOutAtChannelStart: three digits said in passing are ruled out
// (plainNumber) at the channel's first word as after it. expiryEnd is -1
// when no card's expiry was read, and plainNumber's test for the code
// right after an expiry («срок 03 29 и 905») must not take the channel's
// first token for the one after it.
func TestRuleOutAtChannelStart(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, first := range []string{"348", "ну 348"} {
		done := CheckRuleOuts()
		_, _, err := r.Transcript(call("c: "+first+" за доставку и сборку оплатите пожалуйста сразу", "c: 8 916 123 45 67"))
		ruled, typed := done()
		if err != nil {
			t.Fatal(err)
		}
		if ruled != 1 || len(typed) != 0 {
			t.Errorf("«%s ...»: %d numbers ruled out (%v typed), want 1 (348)", first, ruled, typed)
		}
	}
}
