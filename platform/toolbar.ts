import { toolbarBadge, type TabState, type ToolbarLook } from '@/lib/tab-state';
import { LABEL_TEXT, SEVERITY_COLORS, TOOLBAR_LABEL_COLORS } from '@/lib/labels';
import { actionApi } from './compat';

/** The toolbar badge's colours and words (the same data as the in-page badges and the popup). */
export const TOOLBAR_LOOK: ToolbarLook = {
  labelColors: TOOLBAR_LABEL_COLORS,
  severityColors: SEVERITY_COLORS,
  labelText: LABEL_TEXT,
};

/** Shows the tab's state on the toolbar button (lib/tab-state.ts toolbarBadge: count, glyph, colour, title). */
export async function showToolbarBadge(tabId: number, state: TabState | undefined): Promise<void> {
  const action = actionApi();
  if (!action) return;
  const b = toolbarBadge(state, TOOLBAR_LOOK);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: b.text }),
      action.setBadgeBackgroundColor({ tabId, color: b.color }),
      action.setTitle({ tabId, title: b.title }),
      action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    ]);
  } catch {
    /* the tab closed meanwhile */
  }
}
