<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="night_tiles" tilewidth="40" tileheight="40" tilecount="347" columns="8">
 <image source="night_tiles.png" width="320" height="1760"/>
</tileset>
