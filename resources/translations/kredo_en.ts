<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="287" />
        <location filename="../../ui/main_window.py" line="348" />
        <source>%n credential(s)</source>
        <translation><numerusform>%n credential</numerusform><numerusform>%n credentials</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="418" />
        <source>Delete %n credential(s) from this wallet? This cannot be undone.</source>
        <translation><numerusform>Delete %n credential from this wallet? This cannot be undone.</numerusform><numerusform>Delete %n credentials from this wallet? This cannot be undone.</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/settings_dialog.py" line="244" />
        <source>%1 — %n issuer(s), from %2</source>
        <translation><numerusform>%1 — %n issuer, from %2</numerusform><numerusform>%1 — %n issuers, from %2</numerusform></translation>
    </message>
</context>
</TS>