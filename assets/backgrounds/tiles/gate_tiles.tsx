<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="gate_tiles" tilewidth="40" tileheight="40" tilecount="198" columns="8">
 <image source="gate_tiles.png" width="320" height="1000"/>
</tileset>
