import type { DesignVersion, DesignVersionList } from '@btb/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { design, fidelity, version } from '../test/designs.ts';
import { ArtCredits, FidelityNote } from './fidelity-note.tsx';
import { StudioResult } from './studio-result.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('what could not be drawn', () => {
  it('says in plain words what was substituted and what was left out, and nothing when all was drawn', () => {
    const { rerender } = render(<FidelityNote fidelity={fidelity} />);
    const note = screen.getByRole('note', { name: 'What we could not draw' });
    expect(note.textContent).toContain("We couldn't draw “toucans” — we used “parrot” instead.");
    expect(note.textContent).toContain("We couldn't draw “glorbs”, so it is not in the print.");
    expect(note.textContent).not.toContain('cats');

    rerender(
      <FidelityNote fidelity={{ ...fidelity, message: "We couldn't draw 'toucans' — we used 'parrot'." }} />,
    );
    expect(screen.getByRole('note').textContent).toBe("We couldn't draw 'toucans' — we used 'parrot'.");

    rerender(<FidelityNote fidelity={{ motifs: [fidelity.motifs[0]!], message: null }} />);
    expect(screen.queryByRole('note')).toBeNull();
    rerender(<FidelityNote fidelity={null} />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('credits the drawings with set, author and licence', () => {
    render(
      <ArtCredits
        credits={[
          {
            set: 'Noto Emoji',
            author: 'Google',
            license: 'Apache-2.0',
            url: 'https://github.com/googlefonts/noto-emoji',
            drawings: ['cat', 'parrot'],
          },
        ]}
      />,
    );
    const item = screen.getByRole('listitem');
    expect(item.textContent).toBe('cat, parrot from Noto Emoji by Google (Apache-2.0)');
    expect(screen.getByRole('link', { name: 'Noto Emoji' }).getAttribute('href')).toContain('noto-emoji');
  });
});

describe('candidates and history in the studio', () => {
  const list = (items: DesignVersion[], candidatesPerPrompt = 4): DesignVersionList => ({
    items,
    candidatesPerPrompt,
  });
  const renderResult = (versions: DesignVersionList, onSelect = vi.fn(), d = design()) =>
    render(
      <MemoryRouter>
        <StudioResult
          design={d}
          versions={versions}
          selecting={null}
          onSelect={onSelect}
          onRegenerate={vi.fn()}
          regenerating={false}
        />
      </MemoryRouter>,
    );

  it('shows the four candidates, marks the chosen one and picks another', () => {
    const onSelect = vi.fn();
    renderResult(list([1, 2, 3, 4].map((n) => version(n))), onSelect);
    const candidates = screen.getByRole('list', { name: 'Candidates' });
    const buttons = candidates.querySelectorAll('button');
    expect(buttons).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Candidate 1' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Candidate 3' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ number: 3 }));
    // No variation yet: no history section.
    expect(screen.queryByRole('list', { name: 'History' })).toBeNull();
  });

  it('lists variations newest first and restores an earlier one; shows the fidelity note before ordering', () => {
    const onSelect = vi.fn();
    const items = [
      ...[1, 2, 3, 4].map((n) => version(n, { current: false })),
      version(5),
      version(6, { current: true }),
      version(7, { status: 'failed', failureReason: 'The model declined this prompt' }),
    ];
    renderResult(list(items), onSelect, design({ fidelity }));
    const history = screen.getByRole('list', { name: 'History' });
    const rows = history.querySelectorAll('li');
    expect([...rows].map((r) => r.querySelector('p')?.textContent)).toEqual([
      'Variation 7',
      'Variation 6',
      'Variation 5',
    ]);
    expect(rows[0]!.textContent).toContain('The model declined this prompt');
    expect((screen.getByRole('button', { name: 'Restore variation 7' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(rows[1]!.textContent).toContain('In use');
    fireEvent.click(screen.getByRole('button', { name: 'Restore variation 5' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ number: 5 }));

    const note = screen.getByTestId('fidelity-note');
    const order = screen.getByRole('link', { name: 'Order it' });
    // The note comes before the way to order.
    expect(note.compareDocumentPosition(order) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('is honest when the provider paints one design per try', () => {
    renderResult(list([version(1)], 1));
    expect(screen.queryByRole('list', { name: 'Candidates' })).toBeNull();
    expect(screen.getByText(/one design per try/)).toBeTruthy();
  });
});
