import { mount } from 'svelte';
import App from './App.svelte';
import CaptureApp from './capture/CaptureApp.svelte';
import './styles/tokens.css';
import './styles/listbox.css';

// The same bundle serves the main window and the quick-capture window (#/capture).
const Root = location.hash === '#/capture' ? CaptureApp : App;
mount(Root, { target: document.getElementById('app')! });
