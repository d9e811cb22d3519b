/**
 * Outlook on the web's prompt before a dialog: office.js swaps the pane's body for "<add-in> wants to display a new
 * window" with Allow and Ignore until the seller answers; the window opens from the Allow click.
 */

export function showDialogPrompt(addInName: string | undefined, onAnswer: (allowed: boolean) => void): void {
  const saved = document.body;
  const prompt = document.createElement('body');
  prompt.setAttribute('data-office-dialog-prompt', '');
  prompt.style.cssText = 'font-family:Segoe UI,system-ui,sans-serif;margin:0;padding:16px;background:#fff;color:#242424';
  const text = document.createElement('p');
  text.id = 'office-dialog-prompt-text';
  text.textContent = `${addInName || 'This add-in'} wants to display a new window.`;
  prompt.appendChild(text);
  const answer = (allowed: boolean) => {
    document.documentElement.replaceChild(saved, prompt);
    onAnswer(allowed);
  };
  for (const [label, allowed] of [
    ['Allow', true],
    ['Ignore', false],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.style.marginRight = '8px';
    button.addEventListener('click', () => answer(allowed));
    prompt.appendChild(button);
  }
  document.documentElement.replaceChild(prompt, saved);
}
