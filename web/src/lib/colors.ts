// Category colours: fixed for the shipped categories, a stable hue from the
// name for the others, so a category has the same colour on every page.

const fixed: Record<string, string> = {
  complaint: '#d62728', churn_threat: '#8c1c13', incompetence: '#ff7f0e', profanity: '#7b2d8e',
  repeat_contact: '#e377c2', refusal: '#bc5a45', greeting: '#2ca02c', farewell: '#17becf',
  politeness: '#1f9e89', apology: '#9467bd', solution_confirmed: '#3b7dd8', next_steps: '#4c72b0',
  hold_announcement: '#8c8c3a', clarifying: '#5e9c36', filler_words: '#9a8f80',
};

export function categoryColor(name: string): string {
  if (fixed[name]) return fixed[name];
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 55% 42%)`;
}
