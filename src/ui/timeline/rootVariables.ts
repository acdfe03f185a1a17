// CSS custom properties of the page's root read from the style sheets' rules instead of
// getComputedStyle (issue 16): in the first commit the whole page's style is still to be computed,
// and asking for one computed value forced that work early (~90 ms under load in the first-paint
// profile), then the browser did it again for the first frame. Matching a selector against the
// root element (`Element.matches`) and reading a rule's declarations compute no style.
//
// Rules are taken in the sheets' order, the later winning, which is the cascade for rules of equal
// or growing specificity: the theme rules are written so (`:root`, then `:root[data-theme=...]`,
// timeline.css). Top-level style rules count, and @media rules whose condition holds; a sheet
// whose rules cannot be read (another origin) makes the answer unknown (null), so the caller can
// ask getComputedStyle.

export interface RuleLike {
  selectorText?: string;
  style?: { getPropertyValue(name: string): string };
  /** @media rules: their media and rules. */
  media?: { mediaText: string };
  cssRules?: ArrayLike<RuleLike>;
}

export interface SheetLike {
  readonly cssRules: ArrayLike<RuleLike>;
}

export interface RootMatch {
  /** Whether the root element matches the selector (Element.matches). */
  selector(selectorText: string): boolean;
  /** Whether a @media rule's media query holds (matchMedia). */
  media(mediaText: string): boolean;
}

/** The value of each of `names` the rules matching the root give (a name no rule sets is absent); null when a sheet cannot be read. */
export function rootVariables(sheets: ArrayLike<SheetLike>, match: RootMatch, names: readonly string[]): Map<string, string> | null {
  const found = new Map<string, string>();
  const visit = (rules: ArrayLike<RuleLike>) => {
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.selectorText !== undefined && rule.style) {
        if (!safeMatch(match, rule.selectorText)) continue;
        for (const name of names) {
          const value = rule.style.getPropertyValue(name).trim();
          if (value) found.set(name, value);
        }
      } else if (rule.media && rule.cssRules && match.media(rule.media.mediaText)) {
        visit(rule.cssRules);
      }
    }
  };
  for (let i = 0; i < sheets.length; i++) {
    let rules: ArrayLike<RuleLike>;
    try {
      rules = sheets[i]!.cssRules;
    } catch {
      return null;
    }
    visit(rules);
  }
  return found;
}

function safeMatch(match: RootMatch, selectorText: string): boolean {
  try {
    return match.selector(selectorText);
  } catch {
    return false; // a selector this browser does not parse matches nothing
  }
}

/** The page's own answer: its sheets, its root element, its media. */
export function documentRootVariables(doc: Document, names: readonly string[]): Map<string, string> | null {
  const root = doc.documentElement;
  const view = doc.defaultView;
  return rootVariables(doc.styleSheets as unknown as ArrayLike<SheetLike>, {
    selector: (s) => root.matches(s),
    media: (q) => view?.matchMedia(q).matches ?? false,
  }, names);
}
