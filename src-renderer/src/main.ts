import { mount } from 'svelte';
import App from './App.svelte';
import CaptureApp from './capture/CaptureApp.svelte';
import { lock } from './lock/lock.svelte';
import './styles/tokens.css';
import './styles/listbox.css';

// The same bundle serves the main window and the quick-capture window (#/capture).
const capture = location.hash === '#/capture';
// The main window's first question, asked before it mounts, so the answer is on its way while it builds.
if (!capture) void lock.check();
mount(capture ? CaptureApp : App, { target: document.getElementById('app')! });
