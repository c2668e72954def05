import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkifiedText } from './LinkifiedText';

function renderText(text: string) {
  return render(<p><LinkifiedText text={text} /></p>).container.querySelector('p')!;
}

describe('LinkifiedText', () => {
  it('renders markup in a mention as plain text', () => {
    const p = renderText('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(p.querySelector('img, b')).toBeNull();
    expect(p.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
  });

  it('links http and https URLs safely, leaving trailing punctuation outside', () => {
    const p = renderText('Order page: https://shop.example/o/42. Also http://a.example');
    const links = p.querySelectorAll('a');
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAttribute('href', 'https://shop.example/o/42');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(p.textContent).toBe('Order page: https://shop.example/o/42. Also http://a.example');
  });

  it('never links other schemes', () => {
    const p = renderText('javascript:alert(1) data:text/html,hi ftp://files.example');
    expect(p.querySelector('a')).toBeNull();
  });
});
