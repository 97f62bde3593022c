<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>Last backup %n days ago.</source>
        <translation type="vanished">
            <numerusform>Last backup %n day ago.</numerusform>
            <numerusform>Last backup %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last restore drill passed %n days ago.</source>
        <translation>
            <numerusform>Last restore drill passed %n day ago.</numerusform>
            <numerusform>Last restore drill passed %n days ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupStatusText</name>
    <message numerus="yes">
        <source>Last backup %n days ago.</source>
        <translation>
            <numerusform>Last backup %n day ago.</numerusform>
            <numerusform>Last backup %n days ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>The new password needs at least %n character.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message numerus="yes">
        <source>%1, %2 — born %3 — %n matters</source>
        <translation>
            <numerusform>%1, %2 — born %3 — %n matter</numerusform>
            <numerusform>%1, %2 — born %3 — %n matters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>The packet is not ready: %n blocking problems. A draft can still be built.</source>
        <translation>
            <numerusform>The packet is not ready: %n blocking problem. A draft can still be built.</numerusform>
            <numerusform>The packet is not ready: %n blocking problems. A draft can still be built.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile files do not load.</source>
        <translation>
            <numerusform>%n profile file does not load.</numerusform>
            <numerusform>%n profile files do not load.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong passwords. Try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong recovery keys. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong recovery keys. Try again in %n second.</numerusform>
            <numerusform>Too many wrong recovery keys. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problems.</source>
        <translation>
            <numerusform>…and %n more problem.</numerusform>
            <numerusform>…and %n more problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldLaptopsDialog</name>
    <message numerus="yes">
        <source>%n clients to review</source>
        <translation type="vanished">
            <numerusform>%n client to review</numerusform>
            <numerusform>%n clients to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncomingBundlesDialog</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n clients.</source>
        <translation>
            <numerusform>Imported %n client.</numerusform>
            <numerusform>Imported %n clients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already here.</source>
        <translation>
            <numerusform>%n was already here.</numerusform>
            <numerusform>%n were already here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n may be a duplicate of an existing client: each has a review task; nothing was merged.</source>
        <translation>
            <numerusform>%n may be a duplicate of an existing client: it has a review task; nothing was merged.</numerusform>
            <numerusform>%n may be a duplicate of an existing client: each has a review task; nothing was merged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Imported %n clients.</source>
        <translation>
            <numerusform>Imported %n client.</numerusform>
            <numerusform>Imported %n clients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restricted answers were not stored.</source>
        <translation>
            <numerusform>%n restricted answer was not stored.</numerusform>
            <numerusform>%n restricted answers were not stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PacketPage</name>
    <message numerus="yes">
        <source>%n blocking problems</source>
        <translation>
            <numerusform>%n blocking problem</numerusform>
            <numerusform>%n blocking problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>%n restricted values held.</source>
        <translation>
            <numerusform>%n restricted value held.</numerusform>
            <numerusform>%n restricted values held.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Values are purged %n days after a matter is filed or closed, or when their purpose expires.</source>
        <translation>
            <numerusform>Values are purged %n day after a matter is filed or closed, or when their purpose expires.</numerusform>
            <numerusform>Values are purged %n days after a matter is filed or closed, or when their purpose expires.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Values are purged when their purpose expires. The retention period (%n days) was changed outside the app and no manager signed it, so nothing is purged after filing or closing until a manager saves the period again.</source>
        <translation>
            <numerusform>Values are purged when their purpose expires. The retention period (%n day) was changed outside the app and no manager signed it, so nothing is purged after filing or closing until a manager saves the period again.</numerusform>
            <numerusform>Values are purged when their purpose expires. The retention period (%n days) was changed outside the app and no manager signed it, so nothing is purged after filing or closing until a manager saves the period again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n restricted values.</source>
        <translation>
            <numerusform>Purged %n restricted value.</numerusform>
            <numerusform>Purged %n restricted values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fields</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored the %1 form with %n fields; map them with “Map the chosen field…”.</source>
        <translation>
            <numerusform>Stored the %1 form with %n field; map it with “Map the chosen field…”.</numerusform>
            <numerusform>Stored the %1 form with %n fields; map them with “Map the chosen field…”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored the %1 form with %n fields; map each one below.</source>
        <translation type="vanished">
            <numerusform>Stored the %1 form with %n field; map it below.</numerusform>
            <numerusform>Stored the %1 form with %n fields; map each one below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadinessText</name>
    <message numerus="yes">
        <source>{county} County notice was served %n days ago; the governor may act only {minimum_days} days after service ({statute}).</source>
        <translation>
            <numerusform>{county} County notice was served %n day ago; the governor may act only {minimum_days} days after service ({statute}).</numerusform>
            <numerusform>{county} County notice was served %n days ago; the governor may act only {minimum_days} days after service ({statute}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>The new password needs at least %n character.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>The new password needs at least %n character.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestrictedDataPanel</name>
    <message numerus="yes">
        <source>Restricted data exists for this matter: %n values (%1).</source>
        <translation>
            <numerusform>Restricted data exists for this matter: %n value (%1).</numerusform>
            <numerusform>Restricted data exists for this matter: %n values (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendToClinicDialog</name>
    <message numerus="yes">
        <source>%n clients on this laptop will be sent.</source>
        <translation>
            <numerusform>%n client on this laptop will be sent.</numerusform>
            <numerusform>%n clients on this laptop will be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sealed %n clients into %1.</source>
        <translation>
            <numerusform>Sealed %n client into %1.</numerusform>
            <numerusform>Sealed %n clients into %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <source>Too many wrong passwords. You can try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong passwords. You can try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultCheckDialog</name>
    <message numerus="yes">
        <source>%n problems found; see the lines below. A clinic manager decides what to do: most are fixed by restoring the latest backup made before the problem (Tools ▸ Restore a backup).</source>
        <translation>
            <numerusform>%n problem found; see the lines below. A clinic manager decides what to do: most are fixed by restoring the latest backup made before the problem (Tools ▸ Restore a backup).</numerusform>
            <numerusform>%n problems found; see the lines below. A clinic manager decides what to do: most are fixed by restoring the latest backup made before the problem (Tools ▸ Restore a backup).</numerusform>
        </translation>
    </message>
</context>
</TS>
