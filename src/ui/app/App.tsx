import { Header } from './Header';
import { MainArea } from './MainArea';
import { ShortcutsDialog } from './ShortcutsDialog';
import { UpdateBanner } from './UpdateBanner';
import { useDocumentTitle } from './useDocumentTitle';
import { useShortcuts } from './useShortcuts';
import { FileList } from '../files/FileList';
import { DropOverlay } from '../drop/DropOverlay';
import { usePaste } from '../drop/usePaste';

export function App() {
  useShortcuts();
  useDocumentTitle();
  usePaste();
  return (
    <div className="app">
      <Header />
      <UpdateBanner />
      <div className="app-body">
        <FileList />
        <MainArea />
      </div>
      <DropOverlay />
      <ShortcutsDialog />
    </div>
  );
}
