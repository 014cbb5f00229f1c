"""A disturbance said: a sound or what makes one (吵, 响, 哗啦, 跺脚, 装修, 狗叫). Every public
SEC-NOISE text but one names one; a neighbour (楼上, 隔壁) or an hour (半夜) without it tells
no nuisance (楼上没人在家, 天天半夜停电)."""

import re

DISTURBANCE = re.compile(
    r"吵|噪|声|响|音|闹|叫|吼|喊|嚷|震|咚|哐|嗡|砰|轰|嗨|唱|吠|乐|喇叭|鸣|哭|笑|蹦|跳|跺|敲|砸|钻|锤|哗啦|吱|嘎|"
    r"跑来跑去|鼓|琴|麻将|拖|睡不着|扰|施工|装修|狗|noise|noisy|loud|music|bark|party|drill"
)
