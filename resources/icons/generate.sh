#!/usr/bin/env sh
# Regenerates the PNG icons from the SVG sources (needs rsvg-convert: apt-get install librsvg2-bin).
# electron-builder makes the .icns and .ico from icon.png; Linux takes the sized PNGs in linux/.
set -eu
cd "$(dirname "$0")"
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
mkdir -p linux
for size in 16 32 48 64 128 256 512; do rsvg-convert -w $size -h $size icon.svg -o linux/${size}x${size}.png; done
# Tray: white on Linux/Windows panels (mostly dark), a black template on macOS (the OS tints it).
sed 's/fill="#000"/fill="#ffffff"/' tray.svg | rsvg-convert -w 32 -h 32 -o tray.png
rsvg-convert -w 16 -h 16 tray.svg -o trayTemplate.png
rsvg-convert -w 32 -h 32 tray.svg -o trayTemplate@2x.png
