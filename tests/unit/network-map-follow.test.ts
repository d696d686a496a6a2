// The person found on the map stays in the middle while ForceAtlas2 is still moving everyone
// (src-renderer/src/network/follow.ts). A real layout of a small map settles before a test can look, and
// the E2E browser has no GPU, so here a node is moved frame by frame as the layout moves it, and the camera
// is a stand-in for sigma's that draws a frame again whenever it is moved, as sigma's does.
import { describe, expect, it } from 'vitest';
import { CameraFollow, type FollowedMap } from '../../src-renderer/src/network/follow.js';

/** A map whose layout moves node "7" along a spiral, one step per layout batch, each followed by a frame. */
function movingMap() {
  const listeners: (() => void)[] = [];
  let camera = { x: 0.5, y: 0.5 };
  let step = 0;
  const positions = new Map<string, { x: number; y: number }>([
    ['7', { x: 0.2, y: 0.3 }],
    ['8', { x: 0.9, y: 0.1 }],
  ]);
  const frame = () => listeners.forEach((listener) => listener());
  const map: FollowedMap = {
    on: (_event, listener) => listeners.push(listener),
    getNodeDisplayData: (key) => positions.get(key),
    getCamera: () => ({
      getState: () => ({ ...camera }),
      setState: (state) => {
        camera = { ...state };
        // Sigma draws again when its camera moves.
        frame();
      },
    }),
  };
  return {
    map,
    camera: () => camera,
    where: (key: string) => positions.get(key)!,
    /** One batch of the layout: everyone moves, and the map draws the new positions. */
    layoutStep: () => {
      step += 1;
      positions.set('7', { x: 0.5 + 0.3 * Math.cos(step), y: 0.5 + 0.3 * Math.sin(step) });
      positions.set('8', { x: 0.9 - 0.01 * step, y: 0.1 });
      frame();
    },
  };
}

describe('CameraFollow', () => {
  it('keeps the person found in the middle of every frame while the layout moves them, and lets go when it stops', () => {
    const moving = movingMap();
    let running = true;
    const follow = new CameraFollow(moving.map, () => false, () => running);
    follow.follow('7');
    for (let i = 0; i < 8; i += 1) {
      moving.layoutStep();
      expect(moving.camera()).toEqual(moving.where('7'));
    }
    // The layout's last batch is followed too, and then the camera is left where it is.
    running = false;
    moving.layoutStep();
    expect(moving.camera()).toEqual(moving.where('7'));
    expect(follow.following).toBeNull();
    const settled = { ...moving.camera() };
    moving.layoutStep();
    expect(moving.camera()).toEqual(settled);
  });

  it('lets the glide to the person found finish before following them', () => {
    const moving = movingMap();
    let gliding = true;
    new CameraFollow(moving.map, () => gliding, () => true).follow('7');
    moving.layoutStep();
    expect(moving.camera()).toEqual({ x: 0.5, y: 0.5 });
    gliding = false;
    moving.layoutStep();
    expect(moving.camera()).toEqual(moving.where('7'));
  });

  it('gives the camera back once the user moves it, and follows nobody until someone is found', () => {
    const moving = movingMap();
    const follow = new CameraFollow(moving.map, () => false, () => true);
    moving.layoutStep();
    expect(moving.camera()).toEqual({ x: 0.5, y: 0.5 });
    follow.follow('7');
    moving.layoutStep();
    expect(moving.camera()).toEqual(moving.where('7'));
    follow.stop();
    const left = { ...moving.camera() };
    moving.layoutStep();
    expect(moving.camera()).toEqual(left);
    expect(moving.where('7')).not.toEqual(left);
  });
});
