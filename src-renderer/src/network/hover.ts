import { drawDiscNodeLabel, type NodeHoverDrawingFunction } from 'sigma/rendering';

/**
 * Sigma's hover box (the name of a found, selected or pointed-at person, on a box beside the node) drawn on
 * the theme's raised surface. Sigma's own paints the box white whatever the theme, so in dark the light
 * label text sat on white and could not be read. The shape is sigma's: a pill that wraps the node.
 */
export function drawHover(surface: string, shadow: string): NodeHoverDrawingFunction {
  const PADDING = 2;
  return (context, data, settings) => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = surface;
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 0;
    context.shadowBlur = 8;
    context.shadowColor = shadow;
    context.beginPath();
    if (typeof data.label === 'string') {
      const width = Math.round(context.measureText(data.label).width + 5);
      const height = Math.round(size + 2 * PADDING);
      const radius = Math.max(data.size, size / 2) + PADDING;
      const angle = Math.asin(height / 2 / radius);
      const dx = Math.sqrt(Math.abs(radius ** 2 - (height / 2) ** 2));
      context.moveTo(data.x + dx, data.y + height / 2);
      context.lineTo(data.x + radius + width, data.y + height / 2);
      context.lineTo(data.x + radius + width, data.y - height / 2);
      context.lineTo(data.x + dx, data.y - height / 2);
      context.arc(data.x, data.y, radius, angle, -angle);
    } else {
      context.arc(data.x, data.y, data.size + PADDING, 0, Math.PI * 2);
    }
    context.closePath();
    context.fill();
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings);
  };
}
