// The person found with the map's search stays in the middle while ForceAtlas2 still moves everyone: each
// frame drawn after the layout moved them, the camera goes to where they are now. Apart from MapView so a
// unit test can move a node frame by frame, which a real layout does too quickly on a small map to test.

/** What following needs of sigma: its frames, where it drew a node, and its camera. */
export interface FollowedMap {
  on(event: 'afterRender', listener: () => void): unknown;
  getNodeDisplayData(key: string): { x: number; y: number } | undefined;
  getCamera(): { getState(): { x: number; y: number }; setState(state: { x: number; y: number }): unknown };
}

export class CameraFollow {
  private key: string | null = null;

  /**
   * `animated`: the camera is gliding (to the person found, say), which following must not cut short.
   * `layoutRunning`: the layout still moves people; once it stops, the last frame is followed and then no more.
   */
  constructor(
    private readonly map: FollowedMap,
    private readonly animated: () => boolean,
    private readonly layoutRunning: () => boolean,
  ) {
    map.on('afterRender', () => this.afterFrame());
  }

  /** Keeps this node in the middle from the next frame on; null follows nobody. */
  follow(key: string | null): void {
    this.key = key;
  }

  /** The user moved the camera: the camera is theirs again. */
  stop(): void {
    this.key = null;
  }

  get following(): string | null {
    return this.key;
  }

  private afterFrame(): void {
    if (this.key === null || this.animated()) return;
    const display = this.map.getNodeDisplayData(this.key);
    const camera = this.map.getCamera();
    const state = camera.getState();
    if (display && (Math.abs(display.x - state.x) > 1e-6 || Math.abs(display.y - state.y) > 1e-6)) camera.setState({ x: display.x, y: display.y });
    if (!this.layoutRunning()) this.key = null;
  }
}
