// The page's own buttons, at the end of the header: the colour theme and the shortcut overlay
// (they were at the end of the timeline's toolbar, which then wrapped at 1,400 px). Below
// 1,280 px they wait behind "More" (MoreMenu), so the header keeps to one row.

import { useAppStore } from '../../state/appStore';
import { toggleHelp } from '../../state/commands/toggleHelp';
import { toggleTheme } from '../../state/commands/toggleTheme';
import { selectResolvedTheme } from '../../state/selectors';
import { MoreMenu } from '../app/MoreMenu';
import { CommandButton } from './CommandButton';

export function PageTools() {
  const theme = useAppStore(selectResolvedTheme);
  return (
    <MoreMenu label="More page tools: theme and shortcuts" testId="header-more" className="header-button" compact panelClassName="header-more-panel">
      <div className="page-tools" role="group" aria-label="Page">
        <CommandButton command={toggleTheme} pressed={theme === 'dark'} testId="theme" className="header-button">{theme === 'dark' ? '☾ Dark' : '☀ Light'}</CommandButton>
        <CommandButton command={toggleHelp} testId="help" className="header-button">?</CommandButton>
      </div>
    </MoreMenu>
  );
}
