import type { Locator, Page } from 'playwright-core';

/**
 * Drives a page as a person would and counts what it costs them: every click, and every key
 * pressed (a chord such as Control+Enter is two keys, a typed letter one). Choosing from a
 * native <select> with the mouse is two clicks (open, pick), whatever the list's length; picking a
 * file is two (open the dialog, choose). The same counter drives today's and earlier builds, so
 * their counts compare.
 */
export class CountingUser {
  clicks = 0;
  keys = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks += 1;
  }

  /** A click at a point on the page (an actor or a link on the map). */
  async clickAt(point: { x: number; y: number }): Promise<void> {
    await this.page.mouse.click(point.x, point.y);
    this.clicks += 1;
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keys += [...text].length;
  }

  async press(chord: string): Promise<void> {
    await this.page.keyboard.press(chord);
    this.keys += chord.split('+').length;
  }

  /** Clicks into a field, then types. */
  async fill(field: Locator, text: string): Promise<void> {
    await this.click(field);
    await this.type(text);
  }

  /** Opens a native select and picks an option with the mouse. */
  async choose(select: Locator, value: string): Promise<void> {
    await select.selectOption(value);
    this.clicks += 2;
  }

  async pickFile(input: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await input.setInputFiles(file);
    this.clicks += 2;
  }

  /** Another person's (or browser's) input, added to this one's. */
  add(other: CountingUser): void {
    this.clicks += other.clicks;
    this.keys += other.keys;
  }

  since(mark: { clicks: number; keys: number }): { clicks: number; keys: number } {
    return { clicks: this.clicks - mark.clicks, keys: this.keys - mark.keys };
  }

  mark(): { clicks: number; keys: number } {
    return { clicks: this.clicks, keys: this.keys };
  }
}

/** Where an element of the map is on the page, after bringing it into view (the camera is not the user's cost). */
export function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    const cy = window.__kk?.cy;
    const element = cy?.getElementById(elementId);
    if (!cy || !element || element.empty()) throw new Error(`no element ${elementId}`);
    cy.zoom(1.2);
    cy.center(element);
    const rect = cy.container()?.getBoundingClientRect();
    // The middle of its box: an actor's centre, a straight link's midpoint.
    const box = element.renderedBoundingBox();
    return { x: (rect?.left ?? 0) + (box.x1 + box.x2) / 2, y: (rect?.top ?? 0) + (box.y1 + box.y2) / 2 };
  }, id);
}
