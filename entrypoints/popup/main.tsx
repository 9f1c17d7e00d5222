import { render } from 'preact';
render(<p>Ajar</p>, document.getElementById('app')!);
