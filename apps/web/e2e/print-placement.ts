import { expect, type Page } from '@playwright/test';

const numberIn = async (page: Page, label: string) =>
  Number(await page.getByLabel(label, { exact: true }).inputValue());

/**
 * At checkout for a t-shirt: drags the print with the mouse, resizes it by its corner handle,
 * moves and resizes it with the arrow keys, and checks the numeric inputs follow. Returns the
 * placement as the inputs show it, which the order must carry. `shot` takes a screenshot.
 */
export async function placeAndResizePrint(
  page: Page,
  designId: string,
  shot: (name: string) => Promise<void>,
) {
  await page.goto(`/checkout/${designId}?product=tshirt-unisex`);
  const frame = page.getByTestId('print-frame');
  await expect(frame).toBeVisible({ timeout: 15_000 });
  const start = { x: await numberIn(page, 'From left'), width: await numberIn(page, 'Width') };
  expect(start, 'where the print starts').toEqual({ x: 0, width: 1800 });

  // Mouse: shrink by the corner handle, then drag the print down and right.
  const handle = page.getByTestId('print-handle');
  // The mouse works in the viewport: bring the whole print area into it first.
  await frame.scrollIntoViewIfNeeded();
  await handle.scrollIntoViewIfNeeded();
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x - 60, h.y - 20, { steps: 6 });
  await page.mouse.up();
  const resized = await numberIn(page, 'Width');
  expect(resized, 'the width after resizing with the mouse').toBeLessThan(1800);
  const f = (await frame.boundingBox())!;
  await page.mouse.move(f.x + f.width / 2, f.y + f.height / 2);
  await page.mouse.down();
  await page.mouse.move(f.x + f.width / 2 + 25, f.y + f.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  const dragged = { x: await numberIn(page, 'From left'), y: await numberIn(page, 'From top') };
  expect(dragged.x, `dragging left the print at ${JSON.stringify(dragged)}`).toBeGreaterThan(0);
  expect(dragged.y, `dragging left the print at ${JSON.stringify(dragged)}`).toBeGreaterThan(0);

  // Keyboard: one step left on the print, one step larger on its handle.
  await frame.focus();
  await page.keyboard.press('ArrowLeft');
  const x = await numberIn(page, 'From left');
  expect(x, `ArrowLeft moved the print from ${dragged.x}`).toBe(Math.max(0, dragged.x - 30));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  const width = await numberIn(page, 'Width');
  expect(width, `ArrowRight resized the print from ${resized}`).toBe(resized + 30);
  // The mockup is redrawn by the server for the new placement.
  await page.waitForResponse((r) => r.url().includes(`width=${width}`) && r.ok(), { timeout: 30_000 });
  await page.waitForTimeout(500);
  await shot('checkout-placement-desktop');
  return { x, y: await numberIn(page, 'From top'), width };
}
