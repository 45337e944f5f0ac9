"""The last blind sets, written after all changes and measured once: the honest estimate. They are not tuned on,
so they are held to their one-time scores rather than to the rules of tests/gold and tests/safety. A set moves to
tests/gold or tests/safety once it meets their rules and newer last sets have been measured; until then it stays here,
held to its one-time score, beside any older last set that does not meet the rules yet."""

from pathlib import Path

import pytest
import yaml

from gpguide.search.triage import triage
from tests.gold import load_cases, run_case

FINAL = Path(__file__).parent / "final"
# file: (questions, passed at least, must-not at most)
DOOR_SETS = {"door-d98.yaml": (60, 48, 1), "door-d99.yaml": (60, 50, 0), "door-d100.yaml": (60, 43, 0),
             "door-d101.yaml": (60, 49, 0), "door-d102.yaml": (60, 50, 0), "door-d103.yaml": (45, 38, 0),
             "door-d104.yaml": (20, 15, 0), "door-d105.yaml": (20, 17, 0), "door-d106.yaml": (20, 15, 0),
             "door-d107.yaml": (15, 12, 0), "door-d108.yaml": (12, 12, 0),
             "door-d109.yaml": (20, 17, 0), "door-d110.yaml": (20, 14, 0), "door-d111.yaml": (20, 16, 0),
             "door-d112.yaml": (21, 15, 0), "door-d113.yaml": (21, 18, 1), "door-d114.yaml": (18, 13, 0),
             "door-d115.yaml": (15, 12, 0), "door-d116.yaml": (21, 17, 0),
             "door-d117.yaml": (21, 20, 0), "door-d118.yaml": (21, 17, 1),
             "door-d119.yaml": (20, 18, 0), "door-d120.yaml": (20, 17, 0), "door-d121.yaml": (20, 15, 0),
             "door-d122.yaml": (21, 17, 0), "door-d123.yaml": (21, 20, 0),
             "door-d124.yaml": (21, 18, 0), "door-d125.yaml": (15, 10, 0),
             "door-d126.yaml": (21, 13, 0), "door-d127.yaml": (21, 17, 0), "door-d128.yaml": (21, 18, 0),
             "door-d129.yaml": (21, 16, 0), "door-d130.yaml": (21, 17, 0), "door-d131.yaml": (21, 19, 0),
             "door-d132.yaml": (15, 15, 0), "door-d133.yaml": (21, 16, 0),
             "door-d134.yaml": (21, 16, 1), "door-d135.yaml": (21, 20, 0), "door-d136.yaml": (21, 19, 0),
             "door-d137.yaml": (15, 12, 0), "door-d138.yaml": (15, 13, 0),
             "door-d139.yaml": (15, 13, 0), "door-d140.yaml": (15, 14, 0), "door-d141.yaml": (15, 13, 0),
             "door-d142.yaml": (15, 14, 0), "door-d143.yaml": (15, 10, 0), "door-d145.yaml": (15, 12, 0),
             "door-d146.yaml": (15, 15, 0), "door-d147.yaml": (15, 15, 0), "door-d148.yaml": (15, 13, 0),
             "door-d149.yaml": (15, 11, 1), "door-d150.yaml": (15, 13, 0), "door-d151.yaml": (15, 13, 0),
             "door-d152.yaml": (15, 10, 0), "door-d153.yaml": (15, 13, 0), "door-d154.yaml": (15, 14, 0),
             "door-d155.yaml": (15, 13, 0), "door-d156.yaml": (15, 10, 0), "door-d157.yaml": (15, 14, 0),
             "door-d158.yaml": (15, 11, 0), "door-d159.yaml": (15, 14, 0),
             "door-d160.yaml": (15, 13, 0), "door-d161.yaml": (15, 11, 0),
             "door-d162.yaml": (15, 14, 0), "door-d163.yaml": (15, 14, 0), "door-d164.yaml": (15, 13, 0),
             "door-d165.yaml": (15, 13, 0), "door-d168.yaml": (15, 14, 0), "door-d170.yaml": (15, 13, 0),
             "door-d171.yaml": (15, 11, 0), "door-d175.yaml": (15, 13, 0), "door-d176.yaml": (15, 14, 0),
             "door-d178.yaml": (15, 11, 0), "door-d179.yaml": (15, 14, 0), "door-d180.yaml": (9, 9, 0),
             "door-d181.yaml": (15, 15, 0), "door-d182.yaml": (15, 15, 0),
             "door-d183.yaml": (15, 14, 0), "door-d184.yaml": (15, 10, 0), "door-d185.yaml": (15, 15, 0), "door-d186.yaml": (15, 14, 0),
             "door-d187.yaml": (15, 12, 0), "door-d188.yaml": (15, 15, 0),
             "door-d189.yaml": (15, 15, 0), "door-d190.yaml": (15, 13, 0), "door-d191.yaml": (15, 12, 0),
             "door-d192.yaml": (15, 15, 0), "door-d193.yaml": (15, 15, 0), "door-d194.yaml": (15, 13, 0),
             "door-d195.yaml": (15, 14, 0), "door-d196.yaml": (15, 9, 0),
             "door-d197.yaml": (15, 14, 0), "door-d198.yaml": (15, 14, 0),
             "door-d199.yaml": (15, 14, 0), "door-d200.yaml": (15, 13, 0),
             "door-d201.yaml": (15, 12, 0), "door-d202.yaml": (15, 12, 0),
             "door-d203.yaml": (15, 12, 0), "door-d204.yaml": (15, 14, 0),
             "door-d205.yaml": (15, 14, 0), "door-d206.yaml": (15, 14, 0), "door-d207.yaml": (15, 15, 0),
             "door-d208.yaml": (15, 12, 0), "door-d209.yaml": (15, 13, 0), "door-d210.yaml": (15, 15, 0),
             "door-d211.yaml": (15, 12, 1), "door-d212.yaml": (15, 14, 0), "door-d213.yaml": (15, 14, 0),
             "door-d214.yaml": (15, 14, 0), "door-d215.yaml": (15, 13, 0), "door-d216.yaml": (15, 13, 1),
             "door-d217.yaml": (15, 14, 0), "door-d218.yaml": (15, 14, 0), "door-d219.yaml": (15, 15, 0),
             "door-d220.yaml": (15, 14, 0), "door-d221.yaml": (15, 14, 0), "door-d222.yaml": (15, 13, 0),
             "door-d223.yaml": (15, 15, 0), "door-d224.yaml": (15, 14, 0), "door-d225.yaml": (15, 15, 0),
             "door-d226.yaml": (15, 13, 0), "door-d227.yaml": (15, 13, 0), "door-d228.yaml": (15, 13, 0),
             "door-d229.yaml": (15, 15, 0), "door-d230.yaml": (15, 13, 0), "door-d231.yaml": (15, 13, 0),
             "door-d232.yaml": (15, 14, 0), "door-d233.yaml": (15, 12, 0), "door-d234.yaml": (15, 14, 0),
             "door-d235.yaml": (15, 13, 0), "door-d236.yaml": (15, 14, 0), "door-d237.yaml": (15, 11, 0),
             "door-d238.yaml": (15, 14, 0), "door-d239.yaml": (15, 15, 0), "door-d240.yaml": (15, 15, 0),
             "door-d241.yaml": (15, 13, 1), "door-d242.yaml": (15, 14, 0), "door-d243.yaml": (15, 14, 0),
             "door-d244.yaml": (15, 15, 0), "door-d245.yaml": (15, 14, 0), "door-d246.yaml": (15, 15, 0),
             "door-d247.yaml": (15, 15, 0), "door-d248.yaml": (15, 15, 0), "door-d249.yaml": (15, 14, 0),
             "door-d250.yaml": (15, 13, 0), "door-d251.yaml": (15, 15, 0), "door-d252.yaml": (15, 15, 0),
             "door-d253.yaml": (15, 14, 0), "door-d254.yaml": (15, 13, 0), "door-d255.yaml": (15, 15, 0),
             "door-d256.yaml": (15, 11, 0), "door-d257.yaml": (15, 13, 0), "door-d258.yaml": (15, 14, 0),
             "door-d259.yaml": (15, 15, 0),
             "door-d260.yaml": (15, 15, 0), "door-d261.yaml": (15, 11, 0), "door-d262.yaml": (15, 12, 0),
             "door-d263.yaml": (15, 12, 0), "door-d264.yaml": (15, 13, 0), "door-d265.yaml": (15, 14, 0),
             "door-d266.yaml": (15, 14, 0), "door-d267.yaml": (15, 14, 0), "door-d268.yaml": (15, 13, 0),
             "door-d269.yaml": (15, 14, 0), "door-d270.yaml": (15, 15, 0), "door-d271.yaml": (15, 11, 0),
             "door-d272.yaml": (15, 13, 0), "door-d273.yaml": (15, 15, 0),
             "door-d274.yaml": (15, 15, 0), "door-d275.yaml": (15, 14, 0), "door-d276.yaml": (15, 14, 0),
             "door-d277.yaml": (15, 14, 0), "door-d278.yaml": (15, 12, 0), "door-d279.yaml": (15, 14, 0),
             "door-d280.yaml": (15, 15, 0), "door-d281.yaml": (15, 14, 1), "door-d282.yaml": (15, 15, 0),
             "door-d283.yaml": (15, 13, 0),
             "door-d284.yaml": (15, 14, 0), "door-d285.yaml": (15, 15, 0), "door-d286.yaml": (15, 12, 0),
             "door-d287.yaml": (15, 13, 0), "door-d288.yaml": (15, 15, 0), "door-d289.yaml": (15, 13, 0),
             "door-d290.yaml": (15, 14, 0), "door-d291.yaml": (15, 13, 0), "door-d292.yaml": (15, 11, 0),
             "door-d293.yaml": (15, 13, 0), "door-d294.yaml": (15, 13, 0), "door-d295.yaml": (15, 13, 0),
             "door-d296.yaml": (15, 13, 0), "door-d297.yaml": (15, 14, 0),
             "door-d298.yaml": (15, 13, 0), "door-d299.yaml": (15, 13, 0), "door-d300.yaml": (15, 14, 0),
             "door-d301.yaml": (15, 15, 0), "door-d302.yaml": (15, 14, 0), "door-d303.yaml": (15, 15, 0),
             "door-d304.yaml": (15, 15, 0), "door-d305.yaml": (15, 14, 0), "door-d306.yaml": (15, 13, 0),
             "door-d307.yaml": (15, 13, 0), "door-d308.yaml": (15, 14, 0), "door-d309.yaml": (15, 15, 0),
             "door-d310.yaml": (15, 12, 0), "door-d311.yaml": (15, 14, 0), "door-d312.yaml": (15, 14, 0),
             "door-d313.yaml": (15, 15, 0), "door-d314.yaml": (15, 14, 0), "door-d315.yaml": (15, 13, 0),
             "door-d316.yaml": (15, 15, 0), "door-d317.yaml": (15, 15, 0), "door-d318.yaml": (15, 13, 0),
             "door-d319.yaml": (15, 14, 0), "door-d320.yaml": (15, 15, 0), "door-d321.yaml": (15, 15, 0),
             "door-d322.yaml": (15, 10, 0), "door-d323.yaml": (15, 15, 0), "door-d324.yaml": (15, 13, 0),
             "door-d325.yaml": (15, 14, 0), "door-d326.yaml": (15, 13, 0), "door-d327.yaml": (15, 12, 0),
             "door-d328.yaml": (15, 15, 0), "door-d329.yaml": (15, 12, 0), "door-d330.yaml": (15, 15, 0),
             "door-d331.yaml": (15, 12, 0), "door-d332.yaml": (15, 15, 0), "door-d333.yaml": (15, 15, 0)}
# file: (phrasings, acute urgent at least, reminders right at least, false alarms at most)
SAFETY_SETS = {"safety-s99.yaml": (70, 40, 13, 0), "safety-s106.yaml": (70, 36, 13, 1),
               "safety-s107.yaml": (70, 36, 10, 1), "safety-s108.yaml": (70, 39, 13, 1),
               "safety-s109.yaml": (70, 39, 13, 0), "safety-s110.yaml": (35, 19, 7, 0),
               "safety-s111.yaml": (35, 20, 8, 0), "safety-s112.yaml": (30, 16, 6, 1),
               "safety-s113.yaml": (25, 14, 6, 0), "safety-s114.yaml": (35, 20, 8, 0),
               "safety-s115.yaml": (35, 12, 12, 2), "safety-s116.yaml": (35, 20, 8, 0),
               "safety-s117.yaml": (35, 15, 10, 1), "safety-s118.yaml": (30, 16, 7, 0),
               "safety-s119.yaml": (25, 11, 6, 0), "safety-s120.yaml": (35, 20, 8, 1),
               "safety-s121.yaml": (35, 20, 7, 0), "safety-s122.yaml": (35, 20, 7, 0),
               "safety-s123.yaml": (35, 19, 7, 0), "safety-s124.yaml": (35, 14, 7, 2),
               "safety-s125.yaml": (35, 18, 7, 2),
               "safety-s126.yaml": (35, 19, 5, 0), "safety-s127.yaml": (35, 20, 8, 0),
               "safety-s128.yaml": (25, 14, 6, 0), "safety-s129.yaml": (35, 19, 7, 1),
               "safety-s130.yaml": (35, 15, 10, 0), "safety-s131.yaml": (35, 20, 7, 0),
               "safety-s132.yaml": (35, 19, 6, 0), "safety-s133.yaml": (40, 29, 4, 0),
               "safety-s134.yaml": (40, 28, 5, 0), "safety-s135.yaml": (35, 20, 7, 1),
               "safety-s136.yaml": (25, 14, 5, 0), "safety-s137.yaml": (35, 18, 8, 0),
               "safety-s138.yaml": (35, 17, 7, 2), "safety-s139.yaml": (35, 20, 8, 0),
               "safety-s140.yaml": (35, 20, 8, 2), "safety-s141.yaml": (25, 14, 6, 0),
               "safety-s142.yaml": (20, 12, 4, 0), "safety-s143.yaml": (22, 12, 5, 1),
               "safety-s144.yaml": (22, 12, 5, 1), "safety-s145.yaml": (22, 12, 4, 0),
               "safety-s146.yaml": (22, 12, 5, 1), "safety-s147.yaml": (22, 12, 4, 0),
               "safety-s148.yaml": (22, 12, 5, 0), "safety-s149.yaml": (22, 12, 4, 0),
               "safety-s150.yaml": (22, 12, 5, 0),
               "safety-s151.yaml": (22, 12, 5, 0), "safety-s152.yaml": (22, 12, 5, 0),
               "safety-s153.yaml": (22, 12, 4, 0), "safety-s154.yaml": (22, 12, 5, 0),
               "safety-s155.yaml": (22, 11, 5, 1), "safety-s156.yaml": (22, 12, 5, 1),
               "safety-s157.yaml": (22, 12, 4, 1), "safety-s158.yaml": (22, 11, 5, 1),
               "safety-s159.yaml": (22, 12, 5, 0), "safety-s160.yaml": (22, 12, 5, 0),
               "safety-s161.yaml": (22, 8, 3, 0), "safety-s162.yaml": (22, 12, 5, 0),
               "safety-s163.yaml": (22, 12, 3, 0), "safety-s165.yaml": (22, 12, 5, 0),
               "safety-s166.yaml": (22, 12, 5, 0), "safety-s167.yaml": (22, 12, 4, 0),
               "safety-s168.yaml": (22, 12, 5, 0), "safety-s169.yaml": (22, 11, 5, 1),
               "safety-s172.yaml": (22, 12, 5, 0), "safety-s173.yaml": (22, 12, 5, 0),
               "safety-s174.yaml": (22, 12, 5, 0), "safety-s175.yaml": (22, 12, 5, 0),
               "safety-s176.yaml": (22, 12, 4, 0), "safety-s177.yaml": (22, 12, 5, 0),
               "safety-s178.yaml": (22, 11, 5, 0), "safety-s179.yaml": (22, 11, 5, 0),
               "safety-s180.yaml": (22, 12, 4, 0), "safety-s181.yaml": (22, 12, 5, 0),
               "safety-s182.yaml": (22, 12, 5, 0), "safety-s183.yaml": (22, 12, 5, 0),
               "safety-s184.yaml": (22, 12, 5, 0), "safety-s185.yaml": (22, 12, 4, 1),
               "safety-s186.yaml": (22, 12, 4, 0), "safety-s187.yaml": (22, 12, 4, 0),
               "safety-s188.yaml": (22, 11, 5, 0), "safety-s189.yaml": (22, 11, 4, 2),
               "safety-s190.yaml": (22, 12, 5, 0), "safety-s191.yaml": (22, 12, 5, 0),
               "safety-s192.yaml": (22, 12, 5, 1), "safety-s193.yaml": (22, 12, 5, 0), "safety-s194.yaml": (22, 12, 5, 0),
               "safety-s195.yaml": (22, 12, 5, 1), "safety-s196.yaml": (22, 12, 5, 0), "safety-s197.yaml": (22, 12, 5, 1),
               "safety-s198.yaml": (22, 12, 4, 1), "safety-s199.yaml": (22, 12, 5, 1), "safety-s200.yaml": (22, 12, 5, 1),
               "safety-s201.yaml": (22, 12, 5, 0), "safety-s202.yaml": (22, 12, 5, 0), "safety-s203.yaml": (22, 12, 5, 0),
               "safety-s204.yaml": (22, 12, 5, 0), "safety-s205.yaml": (22, 12, 5, 0), "safety-s206.yaml": (22, 12, 5, 0),
               "safety-s207.yaml": (22, 12, 5, 0), "safety-s208.yaml": (22, 12, 5, 0), "safety-s209.yaml": (22, 12, 5, 0),
               "safety-s210.yaml": (22, 12, 4, 0), "safety-s211.yaml": (22, 12, 5, 0), "safety-s212.yaml": (22, 12, 5, 0),
               "safety-s213.yaml": (22, 12, 5, 0), "safety-s214.yaml": (22, 12, 5, 0), "safety-s215.yaml": (22, 12, 5, 2),
               "safety-s216.yaml": (22, 12, 5, 0), "safety-s217.yaml": (22, 12, 5, 0), "safety-s218.yaml": (22, 12, 5, 0),
               "safety-s219.yaml": (22, 12, 5, 0), "safety-s220.yaml": (22, 12, 5, 0), "safety-s221.yaml": (22, 12, 5, 1),
               "safety-s222.yaml": (22, 12, 5, 0), "safety-s223.yaml": (22, 12, 5, 0), "safety-s224.yaml": (22, 12, 5, 1),
               "safety-s225.yaml": (22, 12, 5, 0), "safety-s226.yaml": (22, 12, 5, 0), "safety-s227.yaml": (22, 12, 5, 0),
               "safety-s228.yaml": (22, 12, 5, 0), "safety-s229.yaml": (22, 12, 5, 0), "safety-s230.yaml": (22, 12, 5, 0),
               "safety-s231.yaml": (22, 12, 5, 0), "safety-s232.yaml": (22, 12, 5, 0), "safety-s233.yaml": (22, 12, 5, 0),
               "safety-s234.yaml": (22, 12, 5, 0), "safety-s235.yaml": (22, 12, 5, 0), "safety-s236.yaml": (22, 12, 5, 0),
               "safety-s237.yaml": (22, 12, 4, 0), "safety-s238.yaml": (22, 12, 5, 0), "safety-s239.yaml": (22, 12, 5, 0),
               "safety-s240.yaml": (22, 12, 5, 0), "safety-s241.yaml": (22, 12, 5, 0), "safety-s242.yaml": (22, 12, 5, 0),
               "safety-s243.yaml": (22, 12, 5, 0), "safety-s244.yaml": (22, 12, 5, 1), "safety-s245.yaml": (22, 12, 5, 0),
               "safety-s246.yaml": (22, 12, 5, 0),
               "safety-s247.yaml": (22, 12, 5, 2), "safety-s248.yaml": (22, 12, 5, 0), "safety-s249.yaml": (22, 12, 4, 0),
               "safety-s250.yaml": (22, 12, 5, 0), "safety-s251.yaml": (22, 12, 5, 0), "safety-s252.yaml": (22, 12, 5, 0),
               "safety-s253.yaml": (22, 12, 5, 0), "safety-s254.yaml": (22, 12, 5, 0), "safety-s255.yaml": (22, 12, 5, 0),
               "safety-s256.yaml": (22, 12, 5, 1), "safety-s257.yaml": (22, 12, 5, 0), "safety-s258.yaml": (22, 12, 5, 0),
               "safety-s259.yaml": (22, 12, 5, 0), "safety-s260.yaml": (22, 12, 5, 0), "safety-s261.yaml": (22, 12, 5, 0),
               "safety-s262.yaml": (22, 12, 5, 0), "safety-s263.yaml": (22, 12, 5, 0), "safety-s264.yaml": (22, 12, 5, 1),
               "safety-s265.yaml": (22, 12, 4, 0), "safety-s266.yaml": (22, 12, 5, 0),
               "safety-s267.yaml": (22, 12, 5, 0), "safety-s268.yaml": (22, 12, 5, 1), "safety-s269.yaml": (22, 12, 5, 0),
               "safety-s270.yaml": (22, 12, 5, 0),
               "safety-s271.yaml": (22, 12, 5, 1), "safety-s272.yaml": (22, 12, 5, 0), "safety-s273.yaml": (22, 12, 5, 0),
               "safety-s274.yaml": (22, 12, 5, 1), "safety-s275.yaml": (22, 12, 5, 0), "safety-s276.yaml": (22, 12, 5, 0),
               "safety-s277.yaml": (22, 12, 5, 0), "safety-s278.yaml": (22, 12, 5, 1),
               "safety-s279.yaml": (22, 12, 5, 1), "safety-s280.yaml": (22, 12, 5, 0), "safety-s281.yaml": (22, 12, 5, 0),
               "safety-s282.yaml": (22, 12, 5, 0), "safety-s283.yaml": (22, 12, 4, 0), "safety-s284.yaml": (22, 12, 5, 0),
               "safety-s285.yaml": (22, 12, 5, 0), "safety-s286.yaml": (22, 12, 4, 0), "safety-s287.yaml": (22, 12, 5, 0),
               "safety-s288.yaml": (22, 12, 5, 0), "safety-s289.yaml": (22, 12, 5, 0),
               "safety-s290.yaml": (22, 12, 4, 0), "safety-s291.yaml": (22, 12, 5, 0), "safety-s292.yaml": (22, 12, 5, 0),
               "safety-s293.yaml": (22, 12, 5, 1), "safety-s294.yaml": (22, 12, 5, 0), "safety-s295.yaml": (22, 12, 5, 0),
               "safety-s296.yaml": (22, 12, 5, 0), "safety-s297.yaml": (22, 12, 5, 0),
               "safety-s298.yaml": (22, 12, 5, 0), "safety-s299.yaml": (22, 12, 5, 0), "safety-s300.yaml": (22, 12, 5, 0),
               "safety-s301.yaml": (22, 12, 4, 1), "safety-s302.yaml": (22, 12, 5, 0), "safety-s303.yaml": (22, 12, 5, 1),
               "safety-s304.yaml": (22, 12, 5, 0), "safety-s305.yaml": (22, 12, 5, 0), "safety-s306.yaml": (22, 12, 5, 0),
               "safety-s307.yaml": (22, 12, 5, 0), "safety-s308.yaml": (22, 12, 5, 0), "safety-s309.yaml": (22, 12, 5, 1)}


def test_every_final_set_has_its_score():
    assert {p.name for p in FINAL.glob("*.yaml")} == set(DOOR_SETS) | set(SAFETY_SETS)


@pytest.mark.parametrize("name", sorted(DOOR_SETS))
def test_the_last_door_set_keeps_its_one_time_score(engine, name):
    size, passed, must_not = DOOR_SETS[name]
    outcomes = [run_case(engine, case) for case in load_cases(FINAL / name)]
    assert len(outcomes) == size
    assert sum(o.passed for o in outcomes) >= passed
    assert sum(o.must_not for o in outcomes) <= must_not


@pytest.mark.parametrize("name", sorted(SAFETY_SETS))
def test_the_last_safety_set_keeps_its_one_time_score(name):
    size, acute, reminders, false_alarms = SAFETY_SETS[name]
    cases = yaml.safe_load((FINAL / name).read_text(encoding="utf-8"))
    verdicts = [(case["label"], triage(case["text"])) for case in cases]
    assert len(verdicts) == size
    assert sum(t.urgent for label, t in verdicts if label == "acute") >= acute
    assert sum(not t.urgent and t.level == "reminder" and bool(t.reminders)
               for label, t in verdicts if label == "reminder") >= reminders
    assert sum(t.urgent for label, t in verdicts if label == "ordinary") <= false_alarms
