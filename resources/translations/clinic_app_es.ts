<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Agregar un usuario</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Agregar usuario</translation>
    </message>
    <message>
        <source>Give the new user their first password in person; they can change it later.</source>
        <translation>Entregue en persona la primera contraseña al nuevo usuario; podrá cambiarla después.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Re&amp;pita la contraseña:</translation>
    </message>
    <message>
        <source>Type a user name (2 to 40 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;).</source>
        <translation>Escriba un nombre de usuario (de 2 a 40 letras, dígitos, «.», «-» o «_»).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="vanished">Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer una copia ahora</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>Backup passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Create backup</source>
        <translation>&amp;Crear copia de seguridad</translation>
    </message>
    <message>
        <source>Cancel backup</source>
        <translation>Cancelar la copia</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Backup written and verified: {0} ({1} MB).</source>
        <translation>Copia guardada y verificada: {0} ({1} MB).</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Comprobaciones:</translation>
    </message>
    <message>
        <source>No restore drill yet: test that a backup restores.</source>
        <translation>Aún no hay simulacro de restauración: compruebe que una copia se restaura.</translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n days ago.</source>
        <translation type="vanished">
            <numerusform>Última copia: hace %n día.</numerusform>
            <numerusform>Última copia: hace %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last restore drill passed today.</source>
        <translation>El último simulacro de restauración salió bien hoy.</translation>
    </message>
    <message numerus="yes">
        <source>Last restore drill passed %n day(s) ago.</source>
        <translation type="vanished">
            <numerusform>El último simulacro de restauración salió bien hace %n día.</numerusform>
            <numerusform>El último simulacro de restauración salió bien hace %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last restore drill FAILED. Check your backups.</source>
        <translation>El último simulacro de restauración FALLÓ. Revise sus copias.</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurar una copia…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation type="vanished">Cancelado. No se escribió nada.</translation>
    </message>
    <message>
        <source>Unexpected error ({0}); nothing was changed.</source>
        <translation type="vanished">Error inesperado ({0}); no se cambió nada.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Repít&amp;ala:</translation>
    </message>
    <message>
        <source>The backup passphrase is separate from staff passwords. Write it down and keep it apart from the backup drive: without it no one, not even you, can open the backup.</source>
        <translation>La frase de contraseña de la copia es distinta de las contraseñas del personal. Anótela y guárdela lejos del disco de la copia: sin ella nadie, ni siquiera usted, puede abrir la copia.</translation>
    </message>
    <message>
        <source>Automatic backup when the app closes</source>
        <translation>Copia automática al cerrar el programa</translation>
    </message>
    <message>
        <source>Back up into this folder every time Clinic Intake closes</source>
        <translation>Hacer una copia en esta carpeta cada vez que se cierre Clinic Intake</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Carpeta para las copias automáticas</translation>
    </message>
    <message>
        <source>&amp;Save automatic backup settings</source>
        <translation>&amp;Guardar ajustes de copia automática</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>Carpe&amp;ta:</translation>
    </message>
    <message>
        <source>Keep one per:</source>
        <translation>Guardar una por:</translation>
    </message>
    <message>
        <source>Uses the passphrase above. Only a key derived from it is kept, inside the encrypted vault; the passphrase itself is never stored.</source>
        <translation>Usa la frase de contraseña de arriba. Solo se guarda una clave derivada de ella, dentro de la bóveda cifrada; la frase nunca se guarda.</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>Simulacro de restauración</translation>
    </message>
    <message>
        <source>&amp;Test the newest backup</source>
        <translation>&amp;Probar la copia más reciente</translation>
    </message>
    <message>
        <source>Restores the newest backup into a temporary folder, compares it, and deletes the copy</source>
        <translation>Restaura la copia más reciente en una carpeta temporal, la compara y borra lo restaurado</translation>
    </message>
    <message>
        <source>This folder is on the same disk as the vault. A removable drive is plugged in: %1</source>
        <translation>Esta carpeta está en el mismo disco que la bóveda. Hay una unidad extraíble conectada: %1</translation>
    </message>
    <message>
        <source>This folder is on the same disk as the vault: if the disk fails, both are lost. Plug in a USB drive, or choose another disk.</source>
        <translation>Esta carpeta está en el mismo disco que la bóveda: si el disco falla, se pierden las dos. Conecte una memoria USB o elija otro disco.</translation>
    </message>
    <message>
        <source>Automatic backups kept: {0}</source>
        <translation>Copias automáticas guardadas: {0}</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation type="vanished">Todavía no se ha hecho ninguna copia.</translation>
    </message>
    <message>
        <source>Last backup today.</source>
        <translation type="vanished">Última copia: hoy.</translation>
    </message>
    <message>
        <source>Last backup yesterday.</source>
        <translation type="vanished">Última copia: ayer.</translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n day(s) ago.</source>
        <translation type="vanished">
            <numerusform>Última copia: hace %n día.</numerusform>
            <numerusform>Última copia: hace %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please make a backup now.</source>
        <translation>Haga una copia de seguridad ahora, por favor.</translation>
    </message>
    <message numerus="yes">
        <source>Last restore drill passed %n days ago.</source>
        <translation>
            <numerusform>El último simulacro de restauración salió bien hace %n día.</numerusform>
            <numerusform>El último simulacro de restauración salió bien hace %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save backup as</source>
        <translation>Guardar la copia como</translation>
    </message>
    <message>
        <source>Clinic Intake backups (*{0})</source>
        <translation>Copias de Clinic Intake (*{0})</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Las dos frases no coinciden. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <source>Deriving the key, copying and verifying…</source>
        <translation>Derivando la clave, copiando y verificando…</translation>
    </message>
    <message>
        <source>Backup written and verified: {0} ({1:.1f} MB).</source>
        <translation type="vanished">Copia guardada y verificada: {0} ({1:.1f} MB).</translation>
    </message>
    <message>
        <source>Automatic backup is on.</source>
        <translation>La copia automática está activada.</translation>
    </message>
    <message>
        <source>Automatic backup is off.</source>
        <translation>La copia automática está desactivada.</translation>
    </message>
    <message>
        <source>Restoring the newest backup into a temporary folder…</source>
        <translation>Restaurando la copia más reciente en una carpeta temporal…</translation>
    </message>
    <message>
        <source>Restore drill passed.</source>
        <translation>El simulacro de restauración salió bien.</translation>
    </message>
    <message>
        <source>Restore drill FAILED.</source>
        <translation>El simulacro de restauración FALLÓ.</translation>
    </message>
</context>
<context>
    <name>BackupStatusText</name>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Todavía no se ha hecho ninguna copia.</translation>
    </message>
    <message>
        <source>Last backup today.</source>
        <translation>Última copia: hoy.</translation>
    </message>
    <message>
        <source>Last backup yesterday.</source>
        <translation>Última copia: ayer.</translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n days ago.</source>
        <translation>
            <numerusform>Última copia: hace %n día.</numerusform>
            <numerusform>Última copia: hace %n días.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleController</name>
    <message>
        <source>Send to &amp;clinic…</source>
        <translation>Enviar a la &amp;clínica…</translation>
    </message>
    <message>
        <source>Import &amp;bundles…</source>
        <translation type="vanished">Importar &amp;paquetes sellados…</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importar lotes sellados…</translation>
    </message>
    <message>
        <source>Bundle &amp;drop folder…</source>
        <translation>Carpeta de &amp;entrega de lotes…</translation>
    </message>
    <message>
        <source>&amp;Field laptops…</source>
        <translation>Co&amp;mputadoras de campo…</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importar lotes sellados</translation>
    </message>
    <message>
        <source>Clinic Intake bundles (*.clinicbundle)</source>
        <translation>Lotes sellados de Clinic Intake (*.clinicbundle)</translation>
    </message>
    <message>
        <source>Folder to watch for bundles</source>
        <translation>Carpeta que se vigila para recibir lotes</translation>
    </message>
</context>
<context>
    <name>BundleText</name>
    <message>
        <source>This file is not a Clinic Intake bundle.</source>
        <translation type="vanished">Este archivo no es un paquete sellado de Clinic Intake.</translation>
    </message>
    <message>
        <source>The bundle is damaged, cut short or was altered. Ask the sender to export it again.</source>
        <translation type="vanished">El paquete está dañado, incompleto o fue alterado. Pida a quien lo envió que lo exporte de nuevo.</translation>
    </message>
    <message>
        <source>This bundle is sealed to another clinic&apos;s key, not to this vault&apos;s.</source>
        <translation type="vanished">Este paquete está sellado con la clave de otra clínica, no con la de esta bóveda.</translation>
    </message>
    <message>
        <source>The bundle is not signed by the laptop that sent it, so it is refused.</source>
        <translation type="vanished">El paquete no está firmado por la computadora que lo envió, así que se rechaza.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match its sender, so it is refused.</source>
        <translation type="vanished">La firma del paquete no corresponde a quien lo envió, así que se rechaza.</translation>
    </message>
    <message>
        <source>The bundle claims to come from a laptop that earlier signed with a different key. Ask who made it.</source>
        <translation type="vanished">El paquete dice venir de una computadora que antes firmaba con otra clave. Averigüe quién lo hizo.</translation>
    </message>
    <message>
        <source>This vault has no clinic key, so no bundle is addressed to it.</source>
        <translation type="vanished">Esta bóveda no tiene clave de clínica, así que ningún paquete va dirigido a ella.</translation>
    </message>
    <message>
        <source>The clinic key has not been shared with you yet. It is, the next time an attorney or manager who holds it signs in.</source>
        <translation type="vanished">Todavía no se le ha compartido la clave de la clínica. Se le compartirá la próxima vez que inicie sesión un abogado o administrador que la tenga.</translation>
    </message>
    <message>
        <source>No one in this vault holds the clinic key any more (after a restore?). Make a new one and have the laptops trust it.</source>
        <translation type="vanished">Ya nadie en esta bóveda tiene la clave de la clínica (¿después de una restauración?). Cree una nueva y haga que las computadoras confíen en ella.</translation>
    </message>
    <message>
        <source>This laptop is not set up to send to a clinic yet: a manager chooses the clinic&apos;s key file.</source>
        <translation type="vanished">Esta computadora todavía no está preparada para enviar a una clínica: un administrador elige el archivo de clave de la clínica.</translation>
    </message>
    <message>
        <source>This bundle was written by another version of Clinic Intake.</source>
        <translation type="vanished">Este paquete fue creado por otra versión de Clinic Intake.</translation>
    </message>
    <message>
        <source>The bundle is larger than this app accepts.</source>
        <translation type="vanished">El paquete es más grande de lo que esta aplicación acepta.</translation>
    </message>
    <message>
        <source>The bundle could not be written correctly to that folder; nothing was removed.</source>
        <translation type="vanished">No se pudo escribir bien el paquete en esa carpeta; no se quitó nada.</translation>
    </message>
    <message>
        <source>This file is not a clinic key file.</source>
        <translation type="vanished">Este archivo no es un archivo de clave de clínica.</translation>
    </message>
    <message>
        <source>The clinic key file is damaged.</source>
        <translation type="vanished">El archivo de clave de la clínica está dañado.</translation>
    </message>
    <message>
        <source>The file or folder could not be used: %1</source>
        <translation type="vanished">No se pudo usar el archivo o la carpeta: %1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Cambiar contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="vanished">Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>Re&amp;peat new password:</source>
        <translation>Re&amp;pita la contraseña nueva:</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>La contraseña nueva necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña nueva necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="vanished">Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Segundo nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Name order</source>
        <translation>Orden del nombre</translation>
    </message>
    <message>
        <source>Given name first (José Hernández)</source>
        <translation>Primero el nombre (José Hernández)</translation>
    </message>
    <message>
        <source>Family name first (Nguyễn Thị Hồng)</source>
        <translation>Primero el apellido (Nguyễn Thị Hồng)</translation>
    </message>
    <message>
        <source>Other names, one per line</source>
        <translation>Otros nombres, uno por línea</translation>
    </message>
    <message>
        <source>Other names used, one per line (maiden name, spellings on court records)</source>
        <translation>Otros nombres usados, uno por línea (apellido de soltera, cómo aparece en los expedientes judiciales)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Notes about the client</source>
        <translation>Notas sobre el cliente</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>N&amp;ombre:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Segundo nombre:</translation>
    </message>
    <message>
        <source>F&amp;amily name:</source>
        <translation>A&amp;pellidos:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>C&amp;orreo electrónico:</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation type="vanished">&amp;Apellidos:</translation>
    </message>
    <message>
        <source>Name o&amp;rder:</source>
        <translation>O&amp;rden del nombre:</translation>
    </message>
    <message>
        <source>&amp;Other names:</source>
        <translation>&amp;Otros nombres:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Fecha de naci&amp;miento:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="vanished">Corr&amp;eo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>Ca&amp;lle:</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Esta&amp;do:</translation>
    </message>
    <message>
        <source>&amp;ZIP:</source>
        <translation>Código &amp;postal:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation type="vanished">C&amp;iudad:</translation>
    </message>
    <message>
        <source>Preferred &amp;language:</source>
        <translation>Idioma p&amp;referido:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after 30 seconds)</source>
        <translation>Copiar al portapapeles (se borra a los 30 segundos)</translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation>Escriba el nombre.</translation>
    </message>
    <message>
        <source>Enter the family name (as on court records).</source>
        <translation>Escriba los apellidos (como aparecen en los expedientes judiciales).</translation>
    </message>
    <message>
        <source>The date of birth must be between 1900 and today.</source>
        <translation type="vanished">La fecha de nacimiento debe estar entre 1900 y hoy.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation type="vanished">Esto no parece una dirección de correo electrónico.</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Also known as: %1</source>
        <translation>También conocido como: %1</translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message>
        <source>Search names, aliases, case numbers  (Ctrl+F)</source>
        <translation type="vanished">Buscar nombres, alias, números de caso  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search clients  (Ctrl+F)</source>
        <translation>Buscar clientes  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Searches names, aliases, case numbers and notes</source>
        <translation>Busca en nombres, alias, números de caso y notas</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Part of the list could not be read. Search again to retry.</source>
        <translation>No se pudo leer parte de la lista. Busque de nuevo para reintentarlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="vanished">
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation type="vanished">
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>Names as they appear on court records. Only the given and family names are required.</source>
        <translation>Los nombres como aparecen en los expedientes judiciales. Solo el nombre y los apellidos son obligatorios.</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Choose a client on the left, or start a new intake with Ctrl+N.</source>
        <translation>Elija un cliente a la izquierda o empiece una nueva admisión con Ctrl+N.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Check this record: it came in a bundle from the field laptop %1 (signer %2) on %3, and that laptop was revoked on %4. Whoever had the laptop may have entered or changed it.</source>
        <translation>Revise este registro: llegó en un lote de la computadora de campo %1 (firma %2) el %3, y esa computadora se revocó el %4. Quien tuviera la computadora pudo haberlo ingresado o cambiado.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="vanished">&amp;Perfil</translation>
    </message>
    <message>
        <source>&amp;Matters</source>
        <translation type="vanished">&amp;Casos</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation type="vanished">&amp;Documentos</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="vanished">&amp;Tareas</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="vanished">&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="vanished">&amp;Historial</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Welcome to Clinic Intake</source>
        <translation>Le damos la bienvenida a Clinic Intake</translation>
    </message>
    <message>
        <source>There is no vault on this computer yet. A vault keeps every client record encrypted.</source>
        <translation>Todavía no hay una bóveda en esta computadora. La bóveda guarda cifrados todos los registros de clientes.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>&amp;Clinic name:</source>
        <translation>Nombre de la &amp;clínica:</translation>
    </message>
    <message>
        <source>Vault folder:</source>
        <translation>Carpeta de la bóveda:</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Clinic settings</source>
        <translation>Ajustes de la clínica</translation>
    </message>
    <message>
        <source>Street
City, State ZIP</source>
        <translation>Calle
Ciudad, estado, código postal</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Membrete</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Corr&amp;eo electrónico:</translation>
    </message>
    <message>
        <source>Attorneys who sign packets</source>
        <translation>Abogados que firman los paquetes</translation>
    </message>
    <message>
        <source>Names, titles and State Bar numbers are set per user in Clinic ▸ Users.</source>
        <translation>Los nombres, cargos y números del State Bar se indican por usuario en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>Only a clinic manager can change these settings.</source>
        <translation>Solo un administrador de la clínica puede cambiar estos ajustes.</translation>
    </message>
    <message>
        <source>State Bar No. %1</source>
        <translation>State Bar n.º %1</translation>
    </message>
    <message>
        <source>no State Bar number yet</source>
        <translation>aún sin número del State Bar</translation>
    </message>
    <message>
        <source>No attorney has an account yet.</source>
        <translation>Ningún abogado tiene cuenta todavía.</translation>
    </message>
</context>
<context>
    <name>ConvictionsPage</name>
    <message>
        <source>Convictions</source>
        <translation>Condenas</translation>
    </message>
    <message>
        <source>One row per conviction, including out-of-state ones. Dates are YYYY-MM-DD; leave unknown dates empty.</source>
        <translation>Una fila por condena, incluidas las de otros estados. Las fechas van como AAAA-MM-DD; deje en blanco las que no sepa.</translation>
    </message>
</context>
<context>
    <name>CreateVaultWizard</name>
    <message>
        <source>Create a vault</source>
        <translation>Crear una bóveda</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>The vault has been created. Please save the recovery key and tick the box before you go on.</source>
        <translation>La bóveda está creada. Guarde la clave de recuperación y marque la casilla antes de continuar.</translation>
    </message>
</context>
<context>
    <name>DaOfficesDialog</name>
    <message>
        <source>District attorney offices</source>
        <translation>Fiscalías de distrito</translation>
    </message>
    <message>
        <source>Only c&amp;ounties without a checked address</source>
        <translation>Solo c&amp;ondados sin dirección comprobada</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Comprobada</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Checked &amp;today</source>
        <translation>Comprobada &amp;hoy</translation>
    </message>
    <message>
        <source>Web page address, or “phone call with the front desk”</source>
        <translation>Dirección de la página web, o «llamada a la recepción»</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>O&amp;ficina:</translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation type="vanished">Ca&amp;lle:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>&amp;ZIP:</source>
        <translation>&amp;Código postal:</translation>
    </message>
    <message>
        <source>St&amp;reet:</source>
        <translation>Ca&amp;lle:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="vanished">&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Verified on:</source>
        <translation>Co&amp;mprobada el:</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>F&amp;uente:</translation>
    </message>
    <message>
        <source>&amp;Save office</source>
        <translation>&amp;Guardar fiscalía</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation type="vanished">&amp;Estado:</translation>
    </message>
    <message>
        <source>You can read these addresses. Only an attorney or a clinic manager can change them.</source>
        <translation>Puede leer estas direcciones. Solo un abogado o un administrador de la clínica puede cambiarlas.</translation>
    </message>
    <message>
        <source>%1 counties, %2 without an address</source>
        <translation>%1 condados, %2 sin dirección</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>(sin dirección)</translation>
    </message>
    <message>
        <source>%1 County</source>
        <translation>Condado de %1</translation>
    </message>
    <message>
        <source>No county chosen</source>
        <translation>Ningún condado elegido</translation>
    </message>
    <message>
        <source>Saved the %1 County office.</source>
        <translation>Se guardó la fiscalía del condado de %1.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, for example 1984-07-15.</source>
        <translation type="vanished">Escriba la fecha como AAAA-MM-DD, por ejemplo 1984-07-15.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>%1 is not a day of the calendar: check the month and the day.</source>
        <translation>%1 no es un día del calendario: revise el mes y el día.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, for example 1984-07-15.</source>
        <translation>Escriba la fecha como AAAA-MM-DD, por ejemplo 1984-07-15.</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Select a document to preview it.</source>
        <translation>Seleccione un documento para verlo.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>No se puede mostrar este PDF.</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>No se puede mostrar esta imagen.</translation>
    </message>
    <message>
        <source>There is no preview for this kind of file.</source>
        <translation>No hay vista previa para este tipo de archivo.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>e.g. Minute order, case BA192734</source>
        <translation>p. ej., acta de audiencia, caso BA192734</translation>
    </message>
    <message>
        <source>The letter&apos;s writer, as in the matter&apos;s references</source>
        <translation>Quien escribió la carta, como en las referencias del caso</translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation>Ca&amp;so:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation type="vanished">Títu&amp;lo:</translation>
    </message>
    <message>
        <source>Tit&amp;le:</source>
        <translation>Títu&amp;lo:</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>A&amp;utor:</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>Nú&amp;mero de caso:</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>A&amp;djuntar archivo…</translation>
    </message>
    <message>
        <source>Tie selecte&amp;d to case</source>
        <translation>&amp;Vincular el seleccionado a ese caso</translation>
    </message>
    <message>
        <source>The selected court record becomes the record of the case chosen above</source>
        <translation>El expediente judicial seleccionado pasa a ser el expediente del caso elegido arriba</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>%1 pardon, opened %2</source>
        <translation>Perdón de %1, abierto el %2</translation>
    </message>
    <message>
        <source>No matter (not an exhibit)</source>
        <translation>Sin caso (no será anexo)</translation>
    </message>
    <message>
        <source>By the case number in its title or file name</source>
        <translation>Según su título o nombre de archivo</translation>
    </message>
    <message>
        <source>By the case number in its title</source>
        <translation type="vanished">Por el número de caso de su título</translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation>Adjuntar documentos</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.txt)</source>
        <translation>Documentos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.txt)</translation>
    </message>
    <message>
        <source>Could not read the file</source>
        <translation>No se pudo leer el archivo</translation>
    </message>
    <message>
        <source>Could not read the file: %1</source>
        <translation type="vanished">No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Quitar documento</translation>
    </message>
    <message>
        <source>Remove this document from the vault?</source>
        <translation>¿Quitar este documento de la bóveda?</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Possible existing client</source>
        <translation>Posible cliente ya registrado</translation>
    </message>
    <message>
        <source>A client with the same name and date of birth, or a matching other name, is already in the vault. Open that record instead of creating a second one?</source>
        <translation>Ya hay en la bóveda un cliente con el mismo nombre y fecha de nacimiento, o con otro nombre que coincide. ¿Abrir ese registro en lugar de crear uno nuevo?</translation>
    </message>
    <message>
        <source>Possible matches</source>
        <translation>Posibles coincidencias</translation>
    </message>
    <message>
        <source>no date of birth</source>
        <translation>sin fecha de nacimiento</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 — born %3 — %n matters</source>
        <translation>
            <numerusform>%1, %2 — nació el %3 — %n caso</numerusform>
            <numerusform>%1, %2 — nació el %3 — %n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 — born %3 — %n matter(s)</source>
        <translation type="vanished">
            <numerusform>%1, %2 — nació el %3 — %n caso</numerusform>
            <numerusform>%1, %2 — nació el %3 — %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Also known as: %1</source>
        <translation>También conocido como: %1</translation>
    </message>
    <message>
        <source>&amp;Open existing client</source>
        <translation>&amp;Abrir el cliente existente</translation>
    </message>
    <message>
        <source>This is a &amp;different person</source>
        <translation>Es otra &amp;persona</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>There is no vault in {path}.</source>
        <translation>No hay ninguna bóveda en {path}.</translation>
    </message>
    <message>
        <source>A vault already exists in {path}.</source>
        <translation>Ya existe una bóveda en {path}.</translation>
    </message>
    <message>
        <source>This vault is open in another Clinic Intake window or command; close it and try again.</source>
        <translation>Esta bóveda está abierta en otra ventana o comando de Clinic Intake; ciérrela e intente de nuevo.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>La clave de recuperación no es correcta.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>No user named &apos;{username}&apos; in this vault.</source>
        <translation>No hay ningún usuario llamado &apos;{username}&apos; en esta bóveda.</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters.</source>
        <translation>La contraseña debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>The key does not open this vault&apos;s database.</source>
        <translation>La clave no abre la base de datos de esta bóveda.</translation>
    </message>
    <message>
        <source>The database does not open with its key.</source>
        <translation type="vanished">La base de datos no se abre con su clave.</translation>
    </message>
    <message>
        <source>The vault&apos;s database does not open with its key slots.</source>
        <translation type="vanished">La base de datos de la bóveda no se abre con sus ranuras de clave.</translation>
    </message>
    <message>
        <source>This vault uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake.</source>
        <translation>Esta bóveda usa el esquema {schema}, más nuevo del que entiende esta aplicación ({latest}); actualice Clinic Intake.</translation>
    </message>
    <message>
        <source>The key-slot file is not a Clinic Intake key-slot file.</source>
        <translation>El archivo de ranuras de clave no es de Clinic Intake.</translation>
    </message>
    <message>
        <source>The key-slot file was written by a newer version of the app.</source>
        <translation>El archivo de ranuras de clave fue escrito por una versión más nueva de la aplicación.</translation>
    </message>
    <message>
        <source>The vault&apos;s key-slot file is missing.</source>
        <translation>Falta el archivo de ranuras de clave de la bóveda.</translation>
    </message>
    <message>
        <source>The vault&apos;s key-slot file is damaged.</source>
        <translation>El archivo de ranuras de clave de la bóveda está dañado.</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this.</source>
        <translation>Su función ({role}) no permite hacer esto.</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Un nombre de usuario tiene de 2 a 40 letras, dígitos, &apos;.&apos;, &apos;-&apos; o &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Choose a role: paralegal, attorney or manager.</source>
        <translation>Elija una función: asistente legal, abogado o administrador.</translation>
    </message>
    <message>
        <source>A user named &apos;{username}&apos; already exists.</source>
        <translation>Ya existe un usuario llamado &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>No user named &apos;{username}&apos;.</source>
        <translation>No hay ningún usuario llamado &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>You cannot remove yourself; ask another manager.</source>
        <translation>No puede eliminarse a sí mismo; pídaselo a otro administrador.</translation>
    </message>
    <message>
        <source>The last manager cannot be removed.</source>
        <translation>No se puede eliminar al último administrador.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Cancelado. No se escribió nada.</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>Este cliente ya no existe.</translation>
    </message>
    <message>
        <source>The client record is not valid.</source>
        <translation type="vanished">El registro del cliente no es válido.</translation>
    </message>
    <message>
        <source>This matter no longer exists.</source>
        <translation>Este caso ya no existe.</translation>
    </message>
    <message>
        <source>Some convictions are not valid.</source>
        <translation type="vanished">Algunas condenas no son válidas.</translation>
    </message>
    <message>
        <source>Some support letters are not valid.</source>
        <translation type="vanished">Algunas cartas de apoyo no son válidas.</translation>
    </message>
    <message>
        <source>Some notices are not valid.</source>
        <translation type="vanished">Algunos avisos no son válidos.</translation>
    </message>
    <message>
        <source>This entry no longer exists; it may have been deleted in another window.</source>
        <translation>Esta entrada ya no existe; quizá se eliminó en otra ventana.</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>Una nota no puede estar vacía.</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation type="vanished">Una tarea necesita un título.</translation>
    </message>
    <message>
        <source>Attachments are limited to {megabytes} MB.</source>
        <translation>Los archivos adjuntos tienen un límite de {megabytes} MB.</translation>
    </message>
    <message>
        <source>Only PDF, PNG, JPEG, TIFF and plain-text files can be attached.</source>
        <translation type="vanished">Solo se pueden adjuntar archivos PDF, PNG, JPEG, TIFF y de texto simple.</translation>
    </message>
    <message>
        <source>This document no longer exists.</source>
        <translation>Este documento ya no existe.</translation>
    </message>
    <message>
        <source>Unknown setting &apos;{key}&apos;.</source>
        <translation>Ajuste desconocido: &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The setting &apos;{key}&apos; does not take this kind of value.</source>
        <translation>El ajuste &apos;{key}&apos; no admite este tipo de valor.</translation>
    </message>
    <message>
        <source>The purpose is not valid.</source>
        <translation>El propósito no es válido.</translation>
    </message>
    <message>
        <source>&apos;{category}&apos; is not a restricted category.</source>
        <translation>&apos;{category}&apos; no es una categoría restringida.</translation>
    </message>
    <message>
        <source>No recorded purpose allows &quot;{category}&quot; for this matter; record one first.</source>
        <translation>Ningún propósito registrado permite «{category}» para este caso; registre uno primero.</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a restricted field.</source>
        <translation>&apos;{field}&apos; no es un campo restringido.</translation>
    </message>
    <message>
        <source>A restricted value cannot be empty.</source>
        <translation>Un valor restringido no puede estar vacío.</translation>
    </message>
    <message>
        <source>The restricted value is too long (at most {limit} characters).</source>
        <translation>El valor restringido es demasiado largo (máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>This restricted value no longer exists.</source>
        <translation>Este valor restringido ya no existe.</translation>
    </message>
    <message>
        <source>No county named &apos;{county}&apos; in {state}.</source>
        <translation>No hay ningún condado llamado &apos;{county}&apos; en {state}.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged. A manager restores the latest backup (Tools ▸ Restore a backup).</source>
        <translation>La base de datos de la bóveda está dañada. Un administrador restaura la copia más reciente (Herramientas ▸ Restaurar una copia de seguridad).</translation>
    </message>
    <message>
        <source>The vault&apos;s key-slot file is damaged (checksum mismatch).</source>
        <translation>El archivo de ranuras de clave de la bóveda está dañado (la suma de verificación no coincide).</translation>
    </message>
    <message>
        <source>Both copies of the vault&apos;s key-slot file are damaged. A manager restores the latest backup (Tools ▸ Restore a backup).</source>
        <translation>Las dos copias del archivo de ranuras de clave de la bóveda están dañadas. Un administrador restaura la copia más reciente (Herramientas ▸ Restaurar una copia de seguridad).</translation>
    </message>
    <message>
        <source>This account&apos;s role does not verify: the user list was changed outside the app. Ask a manager to check the vault.</source>
        <translation>La función de esta cuenta no se puede verificar: la lista de usuarios se cambió fuera de la aplicación. Pida a un administrador que revise la bóveda.</translation>
    </message>
    <message>
        <source>Your account does not hold the clinic signing key yet. It is shared with you the next time a manager who holds it logs in.</source>
        <translation>Su cuenta todavía no tiene la clave de firma de la clínica. Se le compartirá la próxima vez que inicie sesión un administrador que la tenga.</translation>
    </message>
    <message>
        <source>Your role ({role}) may not hold this key.</source>
        <translation>Su función ({role}) no permite tener esta clave.</translation>
    </message>
    <message>
        <source>Nothing was changed. Resetting {username}&apos;s password now would lose a key only that account holds (for restricted facts, the attorneys&apos; key): this recovery key does not carry it yet, and no other attorney has a copy of their own. It is added the next time any holder logs in. If {username} can still log in once with the old password, do that first, then reset the password.</source>
        <translation>No se cambió nada. Restablecer ahora la contraseña de {username} perdería una clave que solo tiene esa cuenta (para los datos restringidos, la clave de los abogados): esta clave de recuperación todavía no la lleva y ningún otro abogado tiene una copia propia. Se añade la próxima vez que inicie sesión cualquiera que la tenga. Si {username} todavía puede iniciar sesión una vez con la contraseña anterior, hágalo primero y después restablezca la contraseña.</translation>
    </message>
    <message>
        <source>You cannot reset your own password here. To change it, use File ▸ Change my password.</source>
        <translation>No puede restablecer su propia contraseña aquí. Para cambiarla, use Archivo ▸ Cambiar mi contraseña.</translation>
    </message>
    <message>
        <source>This signature field takes at most {limit} characters.</source>
        <translation>Este campo de la firma admite como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>A bar number has only letters, digits and &apos;-&apos; (for example 123456).</source>
        <translation>Un número del State Bar solo tiene letras, dígitos y &apos;-&apos; (por ejemplo 123456).</translation>
    </message>
    <message>
        <source>Some values are not valid:</source>
        <translation>Algunos valores no son válidos:</translation>
    </message>
    <message>
        <source>Only these kinds of files can be attached here: {types}.</source>
        <translation>Aquí solo se pueden adjuntar estos tipos de archivo: {types}.</translation>
    </message>
    <message>
        <source>Choose what kind of document this is.</source>
        <translation>Elija qué tipo de documento es.</translation>
    </message>
    <message>
        <source>The title and the author take at most {limit} characters each.</source>
        <translation>El título y el autor admiten como máximo {limit} caracteres cada uno.</translation>
    </message>
    <message>
        <source>Only a court record can be the record of a conviction.</source>
        <translation>Solo un expediente judicial puede ser el expediente de una condena.</translation>
    </message>
    <message>
        <source>That conviction is not listed on this document&apos;s matter.</source>
        <translation>Esa condena no figura en el caso de este documento.</translation>
    </message>
    <message>
        <source>The restricted-data key has not been shared with you yet. It is shared with you the next time an attorney who holds it logs in.</source>
        <translation>Todavía no se le ha compartido la clave de los datos restringidos. Se le compartirá la próxima vez que inicie sesión un abogado que la tenga.</translation>
    </message>
    <message>
        <source>Write the street first and &quot;City, {state} 12345&quot; on the last line.</source>
        <translation>Escriba primero la calle y en la última línea &quot;Ciudad, {state} 12345&quot;.</translation>
    </message>
    <message>
        <source>The state on the last line is {found}, not {state}.</source>
        <translation>El estado de la última línea es {found}, no {state}.</translation>
    </message>
    <message>
        <source>Give either the whole address or the street, city and ZIP.</source>
        <translation>Indique la dirección completa o bien la calle, la ciudad y el código postal.</translation>
    </message>
    <message>
        <source>A ZIP code is 5 digits, or 5+4 (90012 or 90012-3210).</source>
        <translation>Un código postal (ZIP) tiene 5 dígitos, o 5+4 (90012 o 90012-3210).</translation>
    </message>
    <message>
        <source>{zip} is not a {state} ZIP code.</source>
        <translation>{zip} no es un código postal (ZIP) de {state}.</translation>
    </message>
    <message>
        <source>Enter the name of the office.</source>
        <translation>Escriba el nombre de la oficina.</translation>
    </message>
    <message>
        <source>The verified date is in the future.</source>
        <translation>La fecha de verificación está en el futuro.</translation>
    </message>
    <message>
        <source>Cannot read {path} ({reason}).</source>
        <translation>No se puede leer {path} ({reason}).</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation type="vanished">{path} no es texto UTF-8.</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation type="vanished">{path} no es JSON válido (línea {line}, columna {column}: {reason}).</translation>
    </message>
    <message>
        <source>Not a clinic-intake file (it is not JSON text).</source>
        <translation type="vanished">No es un archivo de admisión de la clínica (no es texto JSON).</translation>
    </message>
    <message>
        <source>Not a clinic-intake document: the top level must be a JSON object.</source>
        <translation type="vanished">No es un documento de admisión de la clínica: el nivel superior debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>Not a clinic-intake document: &apos;format&apos; must be &quot;clinic-intake&quot;.</source>
        <translation type="vanished">No es un documento de admisión de la clínica: &apos;format&apos; debe ser &quot;clinic-intake&quot;.</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a whole number.</source>
        <translation type="vanished">&apos;version&apos; debe ser un número entero.</translation>
    </message>
    <message>
        <source>This document is clinic-intake version {version}; this app reads version {supported}.</source>
        <translation type="vanished">Este documento es clinic-intake versión {version}; esta aplicación lee la versión {supported}.</translation>
    </message>
    <message>
        <source>The intake document is not valid.</source>
        <translation type="vanished">El documento de admisión no es válido.</translation>
    </message>
    <message>
        <source>The state profile {file} is not valid ({where}: {detail}).</source>
        <translation type="vanished">El perfil estatal {file} no es válido ({where}: {detail}).</translation>
    </message>
    <message>
        <source>The state profile {file} is not valid:</source>
        <translation>El perfil estatal {file} no es válido:</translation>
    </message>
    <message>
        <source>The state profile {file} is not valid TOML ({detail}).</source>
        <translation>El perfil estatal {file} no es TOML válido ({detail}).</translation>
    </message>
    <message>
        <source>The state profile {file} cannot be read ({reason}).</source>
        <translation>No se puede leer el perfil estatal {file} ({reason}).</translation>
    </message>
    <message>
        <source>A state is written as two letters, for example CA.</source>
        <translation>Un estado se escribe con dos letras, por ejemplo CA.</translation>
    </message>
    <message>
        <source>There is no state profile for {state}; add {file} to the profiles folder.</source>
        <translation>No hay perfil estatal para {state}; agregue {file} a la carpeta de perfiles.</translation>
    </message>
    <message>
        <source>The {state} profile serves no notices.</source>
        <translation>El perfil de {state} no requiere avisos.</translation>
    </message>
    <message>
        <source>No conviction of this matter is in &apos;{county}&apos;.</source>
        <translation>Ninguna condena de este caso es del condado &apos;{county}&apos;.</translation>
    </message>
    <message>
        <source>The PDF password needs at least {minimum} characters.</source>
        <translation>La contraseña del PDF debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>No official form is stored for {state} yet; add the fillable PDF first.</source>
        <translation>Todavía no hay un formulario oficial guardado para {state}; agregue primero el PDF rellenable.</translation>
    </message>
    <message>
        <source>Unknown source &apos;{source}&apos;.</source>
        <translation>Origen desconocido: &apos;{source}&apos;.</translation>
    </message>
    <message>
        <source>The form is password-protected; save an unprotected copy.</source>
        <translation>El formulario está protegido con contraseña; guarde una copia sin protección.</translation>
    </message>
    <message>
        <source>This is not a readable PDF.</source>
        <translation>Este archivo no es un PDF legible.</translation>
    </message>
    <message>
        <source>The PDF has no fillable fields; ask for the fillable version of the form.</source>
        <translation>El PDF no tiene campos rellenables; pida la versión rellenable del formulario.</translation>
    </message>
    <message>
        <source>The form has no field named &apos;{field}&apos;.</source>
        <translation>El formulario no tiene ningún campo llamado &apos;{field}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is a push button; it holds no value.</source>
        <translation>&apos;{field}&apos; es un botón; no guarda ningún valor.</translation>
    </message>
    <message>
        <source>{file} is not a form mapping file.</source>
        <translation>{file} no es un archivo de correspondencia de formulario.</translation>
    </message>
    <message>
        <source>The {state} form is named in the clinic&apos;s own profile file ({state}.toml); it is changed there, not here.</source>
        <translation>El formulario de {state} está indicado en el archivo de perfil propio de la clínica ({state}.toml); se cambia allí, no aquí.</translation>
    </message>
    <message>
        <source>A backup passphrase needs at least {minimum} characters.</source>
        <translation>La frase de contraseña de la copia debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a Clinic Intake backup.</source>
        <translation>{file} es una carpeta, no una copia de seguridad de Clinic Intake.</translation>
    </message>
    <message>
        <source>No such file: {path}.</source>
        <translation>No existe el archivo: {path}.</translation>
    </message>
    <message>
        <source>{file} is not a Clinic Intake backup.</source>
        <translation>{file} no es una copia de seguridad de Clinic Intake.</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of Clinic Intake; update the app to read it.</source>
        <translation>{file} se hizo con una versión más nueva de Clinic Intake; actualice la aplicación para leerlo.</translation>
    </message>
    <message>
        <source>{file} has a damaged header.</source>
        <translation>{file} tiene el encabezado dañado.</translation>
    </message>
    <message>
        <source>{file} is incomplete (truncated or cut off while copying).</source>
        <translation>{file} está incompleto (truncado o cortado al copiarlo).</translation>
    </message>
    <message>
        <source>The stored automatic-backup key does not open this backup; enter its passphrase.</source>
        <translation>La clave guardada de las copias automáticas no abre esta copia; escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>The backup passphrase is wrong, or the start of the backup file is damaged.</source>
        <translation>La frase de contraseña de la copia no es correcta, o el inicio del archivo de copia está dañado.</translation>
    </message>
    <message>
        <source>The backup uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake to restore it.</source>
        <translation>La copia usa el esquema {schema}, más nuevo del que entiende esta aplicación ({latest}); actualice Clinic Intake para restaurarla.</translation>
    </message>
    <message>
        <source>The backup failed verification.</source>
        <translation>La copia de seguridad no pasó la verificación.</translation>
    </message>
    <message>
        <source>There is no backup to test yet; make one first.</source>
        <translation>Todavía no hay ninguna copia que probar; haga una primero.</translation>
    </message>
    <message>
        <source>Enter the backup passphrase to test this backup.</source>
        <translation>Escriba la frase de contraseña de la copia para probarla.</translation>
    </message>
    <message>
        <source>Choose an existing folder for automatic backups.</source>
        <translation>Elija una carpeta existente para las copias automáticas.</translation>
    </message>
    <message>
        <source>Automatic backups need the backup passphrase once.</source>
        <translation>Las copias automáticas necesitan la frase de contraseña de la copia una vez.</translation>
    </message>
    <message>
        <source>Automatic backup is on but its folder or passphrase is not set; ask a manager.</source>
        <translation>La copia automática está activada, pero falta su carpeta o su frase de contraseña; consulte a un administrador.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist (is the drive connected?).</source>
        <translation>La carpeta {path} no existe (¿está conectada la unidad?).</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name (backups are never overwritten).</source>
        <translation>{path} ya existe; elija otro nombre de archivo (las copias nunca se sobrescriben).</translation>
    </message>
    <message>
        <source>The vault&apos;s schema is not up to date; unlock it with this app first.</source>
        <translation>El esquema de la bóveda no está al día; desbloquéela primero con esta aplicación.</translation>
    </message>
    <message>
        <source>The backup&apos;s creation time is unreadable.</source>
        <translation>No se puede leer la fecha de creación de la copia.</translation>
    </message>
    <message>
        <source>{path} is not empty; a backup is only restored into a new or empty folder.</source>
        <translation>{path} no está vacía; una copia solo se restaura en una carpeta nueva o vacía.</translation>
    </message>
    <message>
        <source>This clinic key file was written by another version of the app.</source>
        <translation>Este archivo de clave de la clínica fue escrito por otra versión de la aplicación.</translation>
    </message>
    <message>
        <source>This file is not a clinic key file.</source>
        <translation>Este archivo no es un archivo de clave de clínica.</translation>
    </message>
    <message>
        <source>The clinic key file is damaged.</source>
        <translation>El archivo de clave de la clínica está dañado.</translation>
    </message>
    <message>
        <source>This laptop is not set up to send to a clinic yet: a manager chooses the clinic&apos;s key file.</source>
        <translation>Esta computadora todavía no está preparada para enviar a una clínica: un administrador elige el archivo de clave de la clínica.</translation>
    </message>
    <message>
        <source>The bundle could not be written correctly to that folder; nothing was removed.</source>
        <translation>No se pudo escribir bien el lote en esa carpeta; no se quitó nada.</translation>
    </message>
    <message>
        <source>This vault has no clinic key, so no bundle is addressed to it.</source>
        <translation>Esta bóveda no tiene clave de clínica, así que ningún lote va dirigido a ella.</translation>
    </message>
    <message>
        <source>The clinic key has not been shared with you yet. It is, the next time an attorney or manager who holds it signs in.</source>
        <translation>Todavía no se le ha compartido la clave de la clínica. Se le compartirá la próxima vez que inicie sesión un abogado o administrador que la tenga.</translation>
    </message>
    <message>
        <source>No one in this vault holds the clinic key any more (after a restore?). Make a new one and have the laptops trust it.</source>
        <translation>Ya nadie en esta bóveda tiene la clave de la clínica (¿después de una restauración?). Cree una nueva y haga que las computadoras confíen en ella.</translation>
    </message>
    <message>
        <source>The bundle claims to come from a laptop that earlier signed with a different key. Ask who made it.</source>
        <translation>El lote dice venir de una computadora que antes firmaba con otra clave. Averigüe quién lo hizo.</translation>
    </message>
    <message>
        <source>Refused: signed by the laptop {laptop} (signer {fingerprint}), which was revoked on {revoked_at}. Nothing was imported.</source>
        <translation>Rechazado: lo firmó la computadora {laptop} (firma {fingerprint}), revocada el {revoked_at}. No se importó nada.</translation>
    </message>
    <message>
        <source>This file is not a laptop key file. A field laptop saves one from File ▸ Send to clinic.</source>
        <translation>Este archivo no es un archivo de clave de computadora. Una computadora de campo lo guarda desde Archivo ▸ Enviar a la clínica.</translation>
    </message>
    <message>
        <source>The laptop key file is damaged.</source>
        <translation>El archivo de clave de la computadora está dañado.</translation>
    </message>
    <message>
        <source>This bundle comes from a laptop nobody enrolled ({laptop}, signer {fingerprint}); it was not imported. A clinic manager compares the fingerprint with the laptop&apos;s and accepts or refuses it.</source>
        <translation>Este lote viene de una computadora que nadie inscribió ({laptop}, firmante {fingerprint}); no se importó. Un administrador de la clínica compara la huella con la de la computadora y lo acepta o lo rechaza.</translation>
    </message>
    <message>
        <source>The laptop with signer {fingerprint} is enrolled already.</source>
        <translation>La computadora con firmante {fingerprint} ya está inscrita.</translation>
    </message>
    <message>
        <source>The laptop with signer {fingerprint} is revoked; undo the revocation first.</source>
        <translation>La computadora con firmante {fingerprint} está revocada; primero deshaga la revocación.</translation>
    </message>
    <message>
        <source>This vault knows that laptop with another signing key, not {fingerprint}. Ask who made the file.</source>
        <translation>Esta bóveda conoce esa computadora con otra clave de firma, no {fingerprint}. Averigüe quién hizo el archivo.</translation>
    </message>
    <message>
        <source>No laptop this vault imported from has the signer fingerprint {fingerprint}.</source>
        <translation>Ninguna computadora de la que esta bóveda importó tiene la huella de firma {fingerprint}.</translation>
    </message>
    <message>
        <source>{fingerprint} is the start of several signer fingerprints ({matches}); give more of it.</source>
        <translation>{fingerprint} es el comienzo de varias huellas de firma ({matches}); indique más caracteres.</translation>
    </message>
    <message>
        <source>The laptop with signer {fingerprint} is revoked already.</source>
        <translation>La computadora con firma {fingerprint} ya está revocada.</translation>
    </message>
    <message>
        <source>The laptop with signer {fingerprint} is not revoked.</source>
        <translation>La computadora con firma {fingerprint} no está revocada.</translation>
    </message>
    <message>
        <source>Unknown reason {reason}; use one of: {reasons}.</source>
        <translation>Motivo desconocido {reason}; use uno de: {reasons}.</translation>
    </message>
    <message>
        <source>This file is not a Clinic Intake bundle.</source>
        <translation>Este archivo no es un lote sellado de Clinic Intake.</translation>
    </message>
    <message>
        <source>The bundle is damaged, cut short or was altered. Ask the sender to export it again.</source>
        <translation>El lote está dañado, incompleto o fue alterado. Pida a quien lo envió que lo exporte de nuevo.</translation>
    </message>
    <message>
        <source>The bundle is not signed by the laptop that sent it, so it is refused.</source>
        <translation>El lote no está firmado por la computadora que lo envió, así que se rechaza.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match its sender, so it is refused.</source>
        <translation>La firma del lote no corresponde a quien lo envió, así que se rechaza.</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>el archivo o la carpeta no existe</translation>
    </message>
    <message>
        <source>you do not have permission to use this file or folder</source>
        <translation>usted no tiene permiso para usar este archivo o esta carpeta</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the disk or folder is read-only</source>
        <translation>el disco o la carpeta es de solo lectura</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>el archivo es demasiado grande</translation>
    </message>
    <message>
        <source>the system refused it (error {0})</source>
        <translation>el sistema no lo permitió (error {0})</translation>
    </message>
    <message>
        <source>the system refused it</source>
        <translation>el sistema no lo permitió</translation>
    </message>
    <message>
        <source>The file or folder could not be used</source>
        <translation>No se pudo usar el archivo o la carpeta</translation>
    </message>
    <message>
        <source>This is not a clinic key file.</source>
        <translation type="vanished">Este no es un archivo de clave de la clínica.</translation>
    </message>
    <message>
        <source>The clinic key file is damaged (its fingerprint does not match its key).</source>
        <translation type="vanished">El archivo de clave de la clínica está dañado (su huella no coincide con su clave).</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint is {fingerprint}, not the one you were given.</source>
        <translation>La huella de la clave es {fingerprint}, no la que le dieron.</translation>
    </message>
    <message>
        <source>This computer does not know the clinic&apos;s key yet; ask a manager to set it up.</source>
        <translation type="vanished">Esta computadora todavía no conoce la clave de la clínica; pida a un administrador que la configure.</translation>
    </message>
    <message>
        <source>There are no clients to send.</source>
        <translation>No hay clientes para enviar.</translation>
    </message>
    <message>
        <source>The bundle written to {path} reads back differently; nothing was removed.</source>
        <translation type="vanished">El lote escrito en {path} no se lee igual; no se eliminó nada.</translation>
    </message>
    <message>
        <source>This client has documents or restricted values, which bundles do not carry. Keep the client on this computer and bring those to the clinic another way.</source>
        <translation>Este cliente tiene documentos o valores restringidos, que los lotes no llevan. Conserve el cliente en esta computadora y lleve esos datos a la clínica de otra forma.</translation>
    </message>
    <message>
        <source>This vault has no clinic bundle key, so no bundle is addressed to it.</source>
        <translation type="vanished">Esta bóveda no tiene clave de lotes de la clínica, así que ningún lote va dirigido a ella.</translation>
    </message>
    <message>
        <source>No bundle files found (they end in .clinicbundle).</source>
        <translation>No se encontraron archivos de lote (terminan en .clinicbundle).</translation>
    </message>
    <message>
        <source>{file} is signed with a different key than earlier bundles from the same computer; ask who made it.</source>
        <translation type="vanished">{file} está firmado con una clave distinta a la de lotes anteriores de la misma computadora; pregunte quién lo hizo.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signed content is not valid ({where}).</source>
        <translation>El contenido firmado del lote no es válido ({where}).</translation>
    </message>
    <message>
        <source>This is not a Clinic Intake bundle.</source>
        <translation type="vanished">Este no es un lote de Clinic Intake.</translation>
    </message>
    <message>
        <source>The bundle is damaged, cut short or altered; ask the sender to export it again.</source>
        <translation type="vanished">El lote está dañado, incompleto o alterado; pida a quien lo envió que lo exporte de nuevo.</translation>
    </message>
    <message>
        <source>This bundle was written by another version of Clinic Intake.</source>
        <translation>Este lote fue escrito por otra versión de Clinic Intake.</translation>
    </message>
    <message>
        <source>This bundle is sealed to another clinic&apos;s key, not to this vault&apos;s.</source>
        <translation>Este lote está sellado con la clave de otra clínica, no con la de esta bóveda.</translation>
    </message>
    <message>
        <source>The bundle is not signed by the computer that sent it.</source>
        <translation type="vanished">El lote no está firmado por la computadora que lo envió.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match its sender.</source>
        <translation type="vanished">La firma del lote no coincide con quien lo envió.</translation>
    </message>
    <message>
        <source>The bundle is larger than this app accepts.</source>
        <translation>El lote es más grande de lo que acepta esta aplicación.</translation>
    </message>
    <message numerus="yes">
        <source>The packet is not ready: %n blocking problems. A draft can still be built.</source>
        <translation>
            <numerusform>El paquete no está listo: %n problema bloqueante. Aun así se puede generar un borrador.</numerusform>
            <numerusform>El paquete no está listo: %n problemas bloqueantes. Aun así se puede generar un borrador.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile files do not load.</source>
        <translation>
            <numerusform>%n archivo de perfil no se carga.</numerusform>
            <numerusform>%n archivos de perfil no se cargan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n seconds.</source>
        <translation>
            <numerusform>Demasiadas contraseñas incorrectas. Intente de nuevo en %n segundo.</numerusform>
            <numerusform>Demasiadas contraseñas incorrectas. Intente de nuevo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong recovery keys. Try again in %n seconds.</source>
        <translation>
            <numerusform>Demasiadas claves de recuperación incorrectas. Intente de nuevo en %n segundo.</numerusform>
            <numerusform>Demasiadas claves de recuperación incorrectas. Intente de nuevo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file or folder could not be used: {0}</source>
        <translation type="vanished">No se pudo usar el archivo o la carpeta: {0}</translation>
    </message>
    <message>
        <source>Unexpected error ({0}); nothing was changed.</source>
        <translation>Error inesperado ({0}); no se cambió nada.</translation>
    </message>
    <message>
        <source>The operation failed ({0}).</source>
        <translation>La operación falló ({0}).</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problems.</source>
        <translation>
            <numerusform>…y %n problema más.</numerusform>
            <numerusform>…y %n problemas más.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside Clinic Intake.</source>
        <translation>Algo falló dentro de Clinic Intake.</translation>
    </message>
    <message>
        <source>Your saved records are safe in the vault. The last change you made may not have been saved; please check it.</source>
        <translation>Los registros guardados están seguros en la bóveda. Es posible que el último cambio no se haya guardado; revíselo, por favor.</translation>
    </message>
</context>
<context>
    <name>ExitBackupDialog</name>
    <message>
        <source>Backing up before closing</source>
        <translation>Copia de seguridad antes de cerrar</translation>
    </message>
    <message>
        <source>Making the automatic backup…</source>
        <translation>Haciendo la copia automática…</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Falló la copia automática</translation>
    </message>
    <message>
        <source>The automatic backup failed: {0}</source>
        <translation>Falló la copia automática: {0}</translation>
    </message>
</context>
<context>
    <name>FactorsForm</name>
    <message>
        <source>The offense</source>
        <translation>El delito</translation>
    </message>
    <message>
        <source>How old was the applicant at the time, and what happened? What led to it, and how do they take responsibility for it today?</source>
        <translation>¿Qué edad tenía el solicitante y qué pasó? ¿Qué lo llevó a eso y cómo asume hoy la responsabilidad?</translation>
    </message>
    <message>
        <source>Life since the offense</source>
        <translation>La vida desde el delito</translation>
    </message>
    <message>
        <source>Work, school, programs completed, treatment needs recognised and addressed, volunteering. Concrete names and dates help.</source>
        <translation>Trabajo, estudios, programas terminados, tratamientos que reconoció y cumplió, voluntariado. Ayudan los nombres y fechas concretos.</translation>
    </message>
    <message>
        <source>Family and community</source>
        <translation>Familia y comunidad</translation>
    </message>
    <message>
        <source>Who depends on the applicant? How would a pardon help their family and community, and why is it consistent with public safety?</source>
        <translation>¿Quién depende del solicitante? ¿Cómo ayudaría el perdón a su familia y su comunidad, y por qué no pone en riesgo la seguridad pública?</translation>
    </message>
    <message>
        <source>Why a pardon is needed</source>
        <translation>Por qué necesita el perdón</translation>
    </message>
    <message>
        <source>For example a job or professional licence, housing, or immigration consequences of the conviction. Describe the need; the form does not ask for anyone&apos;s status.</source>
        <translation>Por ejemplo, un trabajo o una licencia profesional, la vivienda o las consecuencias migratorias de la condena. Describa la necesidad; el formulario no pregunta la situación migratoria de nadie.</translation>
    </message>
</context>
<context>
    <name>FactorsPage</name>
    <message>
        <source>The applicant&apos;s story</source>
        <translation>La historia del solicitante</translation>
    </message>
    <message>
        <source>The Governor&apos;s Office weighs these four things. Notes in the client&apos;s own words are best; all are optional today.</source>
        <translation>La Oficina del Gobernador toma en cuenta estos cuatro puntos. Lo mejor son notas con las propias palabras del cliente; hoy todos son opcionales.</translation>
    </message>
</context>
<context>
    <name>FieldLaptopsDialog</name>
    <message>
        <source>Field laptops</source>
        <translation>Computadoras de campo</translation>
    </message>
    <message>
        <source>The laptops this vault has imported bundles from. If one is lost or stolen, revoke it: every bundle it signs from then on is refused. Clients already imported from it stay.</source>
        <translation type="vanished">Las computadoras de las que esta bóveda importó lotes. Si una se pierde o la roban, revóquela: desde entonces se rechaza todo lote que firme. Los clientes ya importados desde ella se quedan.</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Signer fingerprint</source>
        <translation>Huella de firma</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Última importación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No bundles imported yet, so no laptop is known.</source>
        <translation type="vanished">Aún no se importó ningún lote, así que no se conoce ninguna computadora.</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>e.g. left in the car on Saturday</source>
        <translation>p. ej., se quedó en el auto el sábado</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="vanished">&amp;Motivo:</translation>
    </message>
    <message>
        <source>The laptops whose bundles this vault imports. Enrol each one before it goes out, from the key file it saves. If one is lost or stolen, revoke it, even if it has sent nothing yet: every bundle it signs from then on is refused. Clients already imported from it stay, marked for review.</source>
        <translation>Las computadoras cuyos lotes importa esta bóveda. Inscriba cada una antes de que salga, con el archivo de clave que guarda. Si se pierde o la roban, revóquela, aunque todavía no haya enviado nada: desde entonces se rechaza todo lote que firme. Los clientes ya importados de ella se quedan, marcados para revisión.</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Para revisar</translation>
    </message>
    <message>
        <source>No laptop is enrolled yet.</source>
        <translation>Todavía no hay ninguna computadora inscrita.</translation>
    </message>
    <message>
        <source>&amp;Reason for revoking:</source>
        <translation>&amp;Motivo de la revocación:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>&amp;Enrol a laptop…</source>
        <translation>&amp;Inscribir una computadora…</translation>
    </message>
    <message>
        <source>Accept bundles from a laptop, from the key file it saved (File ▸ Send to clinic)</source>
        <translation>Aceptar lotes de una computadora, con el archivo de clave que guardó (Archivo ▸ Enviar a la clínica)</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revocar…</translation>
    </message>
    <message>
        <source>Refuse every later bundle from this laptop</source>
        <translation>Rechazar todo lote posterior de esta computadora</translation>
    </message>
    <message>
        <source>&amp;Undo revocation…</source>
        <translation>&amp;Deshacer la revocación…</translation>
    </message>
    <message>
        <source>Accept bundles from this laptop again</source>
        <translation>Volver a aceptar lotes de esta computadora</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdida</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>robada</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>refused when first seen</source>
        <translation>rechazada la primera vez que se vio</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>nada todavía</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>enrolled %1 by %2</source>
        <translation>inscrita el %1 por %2</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptada</translation>
    </message>
    <message>
        <source>REVOKED %1 by %2</source>
        <translation>REVOCADA el %1 por %2</translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients to review</source>
        <translation type="vanished">
            <numerusform>%n cliente para revisar</numerusform>
            <numerusform>%n clientes para revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>The laptop&apos;s key file</source>
        <translation>El archivo de clave de la computadora</translation>
    </message>
    <message>
        <source>Laptop key files (*.laptopkey)</source>
        <translation>Archivos de clave de computadora (*.laptopkey)</translation>
    </message>
    <message>
        <source>Enrol this laptop?</source>
        <translation>¿Inscribir esta computadora?</translation>
    </message>
    <message>
        <source>Enrol %1?

Its fingerprint is

%2

Does it match the fingerprint the laptop shows (File ▸ Send to clinic)?</source>
        <translation>¿Inscribir %1?

Su huella es

%2

¿Coincide con la huella que muestra la computadora (Archivo ▸ Enviar a la clínica)?</translation>
    </message>
    <message>
        <source>Enrolled %1: its bundles are imported from now on.</source>
        <translation>Se inscribió %1: desde ahora se importan sus lotes.</translation>
    </message>
    <message>
        <source>Revoke this laptop?</source>
        <translation>¿Revocar esta computadora?</translation>
    </message>
    <message>
        <source>Revoke %1 (signer %2)?

Every bundle this laptop signs from now on will be refused. Clients already imported from it stay in this vault, marked for review.</source>
        <translation>¿Revocar %1 (firma %2)?

Desde ahora se rechazará todo lote que firme esta computadora. Los clientes ya importados de ella se quedan en esta bóveda, marcados para revisión.</translation>
    </message>
    <message>
        <source>Revoke %1 (signer %2)?

Every bundle this laptop signs from now on will be refused. Clients already imported from it stay in this vault.</source>
        <translation type="vanished">¿Revocar %1 (firma %2)?

Desde ahora se rechazará todo lote que firme esta computadora. Los clientes ya importados desde ella se quedan en esta bóveda.</translation>
    </message>
    <message>
        <source>Revoked %1: its bundles are refused from now on.</source>
        <translation>Se revocó %1: desde ahora se rechazan sus lotes.</translation>
    </message>
    <message>
        <source>Accept this laptop again?</source>
        <translation>¿Volver a aceptar esta computadora?</translation>
    </message>
    <message>
        <source>Accept bundles signed by %1 (signer %2) again?

Do this only if the laptop is back in safe hands.</source>
        <translation>¿Volver a aceptar los lotes firmados por %1 (firma %2)?

Hágalo solo si la computadora vuelve a estar en manos seguras.</translation>
    </message>
    <message>
        <source>%1 is accepted again.</source>
        <translation>%1 se acepta de nuevo.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
</context>
<context>
    <name>IncomingBundlesDialog</name>
    <message>
        <source>Bundles to import</source>
        <translation>Lotes para importar</translation>
    </message>
    <message>
        <source>These sealed bundles are addressed to this clinic. Check who sent them, then import.</source>
        <translation>Estos lotes sellados van dirigidos a esta clínica. Revise quién los envió y luego impórtelos.</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Enviado el</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Accept laptop…</source>
        <translation>Ace&amp;ptar la computadora…</translation>
    </message>
    <message>
        <source>Enrol the laptop that sent the selected held bundle, after comparing its fingerprint</source>
        <translation>Inscribir la computadora que envió el lote retenido elegido, después de comparar su huella</translation>
    </message>
    <message>
        <source>&amp;Refuse laptop…</source>
        <translation>&amp;Rechazar la computadora…</translation>
    </message>
    <message>
        <source>Refuse the selected held bundle and every later one from its laptop</source>
        <translation>Rechazar el lote retenido elegido y todos los posteriores de su computadora</translation>
    </message>
    <message>
        <source>Not &amp;now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="vanished">Abriendo…</translation>
    </message>
    <message>
        <source>%1 (signer %2)</source>
        <translation>%1 (firma %2)</translation>
    </message>
    <message>
        <source>held: this laptop is not enrolled</source>
        <translation>retenido: esta computadora no está inscrita</translation>
    </message>
    <message>
        <source>Not imported until a clinic manager compares the laptop&apos;s fingerprint and accepts it.</source>
        <translation>No se importa hasta que un administrador de la clínica compare la huella de la computadora y la acepte.</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nuevo</numerusform>
            <numerusform>%n nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>ya importado</translation>
    </message>
    <message>
        <source>Accept this laptop?</source>
        <translation>¿Aceptar esta computadora?</translation>
    </message>
    <message>
        <source>This bundle was signed by %1, which nobody enrolled. Type the fingerprint that laptop shows (File ▸ Send to clinic), or that its volunteer reads to you:</source>
        <translation>Este lote lo firmó %1, que nadie inscribió. Escriba la huella que muestra esa computadora (Archivo ▸ Enviar a la clínica), o la que le lee su voluntario:</translation>
    </message>
    <message>
        <source>Enrolled %1: its bundles can be imported now.</source>
        <translation>Se inscribió %1: ya se pueden importar sus lotes.</translation>
    </message>
    <message>
        <source>Refuse this laptop?</source>
        <translation>¿Rechazar esta computadora?</translation>
    </message>
    <message>
        <source>Refuse %1 (signer %2)?

Nothing from this bundle is imported, and every later bundle this laptop signs is refused. The file stays where it is.</source>
        <translation>¿Rechazar %1 (firma %2)?

No se importa nada de este lote, y se rechaza todo lote posterior que firme esta computadora. El archivo se queda donde está.</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n clients.</source>
        <translation>
            <numerusform>Se importó %n cliente.</numerusform>
            <numerusform>Se importaron %n clientes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n client(s).</source>
        <translation type="vanished">
            <numerusform>Se importó %n cliente.</numerusform>
            <numerusform>Se importaron %n clientes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already here.</source>
        <translation>
            <numerusform>%n ya estaba aquí.</numerusform>
            <numerusform>%n ya estaban aquí.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n may be a duplicate of an existing client: each has a review task; nothing was merged.</source>
        <translation>
            <numerusform>%n puede ser un duplicado de un cliente existente: tiene una tarea de revisión; no se fusionó nada.</numerusform>
            <numerusform>%n pueden ser duplicados de clientes existentes: cada uno tiene una tarea de revisión; no se fusionó nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Importación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Nothing was stored.</source>
        <translation>No se guardó nada.</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Guardar &amp;borrador</translation>
    </message>
    <message>
        <source>&amp;Save intake</source>
        <translation>&amp;Guardar admisión</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Mailing address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <source>U.S. state</source>
        <translation>Estado de EE. UU.</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Urgent reason</source>
        <translation>Motivo urgente</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Convictions</source>
        <translation>Condenas</translation>
    </message>
    <message>
        <source>(empty row)</source>
        <translation>(fila vacía)</translation>
    </message>
    <message>
        <source>None entered yet. You can add them later on the Matters tab.</source>
        <translation>Todavía no se anotó ninguna. Puede agregarlas después en la pestaña Casos.</translation>
    </message>
    <message>
        <source>Story questions answered: %1 of 4</source>
        <translation>Preguntas de la historia contestadas: %1 de 4</translation>
    </message>
    <message>
        <source>Finish intake (saved as a draft)</source>
        <translation>Terminar la admisión (guardada como borrador)</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>A draft needs at least the client&apos;s given and family name.</source>
        <translation>Para guardar un borrador hace falta al menos el nombre y los apellidos del cliente.</translation>
    </message>
    <message>
        <source>Fix the marked conviction cells first.</source>
        <translation>Primero corrija las celdas marcadas de las condenas.</translation>
    </message>
    <message>
        <source>New intake: convictions with invalid dates</source>
        <translation>Nueva admisión: condenas con fechas no válidas</translation>
    </message>
    <message>
        <source>Close the intake</source>
        <translation>Cerrar la admisión</translation>
    </message>
    <message>
        <source>Save what you entered as a draft?</source>
        <translation>¿Guardar lo que escribió como borrador?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>paralegal</source>
        <translation type="vanished">asistente legal</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation type="vanished">abogado</translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="vanished">administrador</translation>
    </message>
    <message>
        <source>Immigration status</source>
        <translation>Situación migratoria</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Ciudadanía</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A (A-number)</translation>
    </message>
    <message>
        <source>Place or country of birth</source>
        <translation>Lugar o país de nacimiento</translation>
    </message>
    <message>
        <source>Social Security number</source>
        <translation>Número de Seguro Social</translation>
    </message>
    <message>
        <source>Immigration court (hearing dates, detention)</source>
        <translation>Corte de inmigración (audiencias, detención)</translation>
    </message>
    <message>
        <source>Attorney&apos;s immigration analysis (work product)</source>
        <translation>Análisis migratorio del abogado (producto de trabajo)</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Clinic Intake will use the new language the next time it starts.</source>
        <translation>Clinic Intake usará el nuevo idioma la próxima vez que se abra.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New intake…</source>
        <translation>&amp;Nueva admisión…</translation>
    </message>
    <message>
        <source>&amp;Import intake file…</source>
        <translation>&amp;Importar archivo de admisión…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Cambiar mi c&amp;ontraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Delete client…</source>
        <translation>&amp;Eliminar cliente…</translation>
    </message>
    <message>
        <source>&amp;Security settings…</source>
        <translation>Ajustes de &amp;seguridad…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Privacy report…</source>
        <translation>Informe de &amp;privacidad…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Clinic settings…</source>
        <translation>&amp;Ajustes de la clínica…</translation>
    </message>
    <message>
        <source>&amp;DA offices…</source>
        <translation>&amp;Fiscalías…</translation>
    </message>
    <message>
        <source>State &amp;profiles…</source>
        <translation>&amp;Perfiles estatales…</translation>
    </message>
    <message>
        <source>Check the &amp;vault…</source>
        <translation>Comprobar la &amp;bóveda…</translation>
    </message>
    <message>
        <source>New &amp;recovery key…</source>
        <translation>Nueva clave de &amp;recuperación…</translation>
    </message>
    <message>
        <source>&amp;Summary and profile</source>
        <translation>&amp;Resumen y perfil</translation>
    </message>
    <message>
        <source>&amp;Matters</source>
        <translation>&amp;Casos</translation>
    </message>
    <message>
        <source>D&amp;ocuments</source>
        <translation>D&amp;ocumentos</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tareas</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Cliente</translation>
    </message>
    <message>
        <source>Cl&amp;inic</source>
        <translation>Clí&amp;nica</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open a client first.</source>
        <translation>Abra primero un cliente.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Sesión iniciada como %1 (%2)</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The vault locked while these tabs had changes that were not complete, so they were not saved: %1</source>
        <translation>La bóveda se bloqueó mientras estas pestañas tenían cambios incompletos, así que no se guardaron: %1</translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation>Bloquear la bóveda</translation>
    </message>
    <message>
        <source>Some changes are not complete and cannot be saved: %1. Discard them and lock?</source>
        <translation>Algunos cambios están incompletos y no se pueden guardar: %1. ¿Descartarlos y bloquear?</translation>
    </message>
    <message>
        <source>The vault locked itself after a period without activity.</source>
        <translation>La bóveda se bloqueó sola tras un rato sin actividad.</translation>
    </message>
    <message>
        <source>The vault locked because the computer went to sleep.</source>
        <translation>La bóveda se bloqueó porque la computadora entró en reposo.</translation>
    </message>
    <message>
        <source>The vault locked because the screen was locked.</source>
        <translation>La bóveda se bloqueó porque se bloqueó la pantalla.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Some changes are not complete and cannot be saved yet: %1. Discard them?</source>
        <translation>Algunos cambios están incompletos y todavía no se pueden guardar: %1. ¿Descartarlos?</translation>
    </message>
    <message>
        <source>Not saved: %1. See the marked fields.</source>
        <translation>No se guardó: %1. Revise los campos marcados.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Eliminar cliente</translation>
    </message>
    <message>
        <source>Delete this client with all matters, documents, tasks and notes? This cannot be undone.</source>
        <translation>¿Eliminar este cliente con todos sus casos, documentos, tareas y notas? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Import intake file</source>
        <translation>Importar archivo de admisión</translation>
    </message>
    <message>
        <source>Clinic intake files (*.json)</source>
        <translation>Archivos de admisión (*.json)</translation>
    </message>
    <message>
        <source>Importing clients…</source>
        <translation>Importando clientes…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n clients.</source>
        <translation>
            <numerusform>Se importó %n cliente.</numerusform>
            <numerusform>Se importaron %n clientes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restricted answers were not stored.</source>
        <translation>
            <numerusform>%n respuesta restringida no se guardó.</numerusform>
            <numerusform>%n respuestas restringidas no se guardaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the file</source>
        <translation>No se pudo leer el archivo</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n client(s).</source>
        <translation type="vanished">
            <numerusform>Se importó %n cliente.</numerusform>
            <numerusform>Se importaron %n clientes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restricted answer(s) were not stored.</source>
        <translation type="vanished">
            <numerusform>%n respuesta restringida no se guardó.</numerusform>
            <numerusform>%n respuestas restringidas no se guardaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Importación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Could not read the file: %1</source>
        <translation type="vanished">No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>Import failed; nothing was stored</source>
        <translation>La importación falló; no se guardó nada</translation>
    </message>
    <message>
        <source>Privacy report</source>
        <translation>Informe de privacidad</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Se cambió su contraseña.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>%1 %2
An offline, encrypted intake and pardon-packet tool for legal clinics.</source>
        <translation>%1 %2
Una herramienta cifrada y sin conexión para admisiones y paquetes de solicitud de perdón en clínicas legales.</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <source>Manager account</source>
        <translation>Cuenta de administrador</translation>
    </message>
    <message>
        <source>The manager adds staff accounts, sets security rules and makes backups. Choose a long password.</source>
        <translation>El administrador crea las cuentas del personal, fija las reglas de seguridad y hace las copias de seguridad. Elija una contraseña larga.</translation>
    </message>
    <message>
        <source>Manager user name</source>
        <translation>Nombre de usuario del administrador</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>Creando la bóveda</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>Crear &amp;bóveda</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 letters, digits, dots, dashes or underscores.</source>
        <translation>El nombre de usuario lleva de 2 a 40 letras, números, puntos, guiones o guiones bajos.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>MatterBasicsForm</name>
    <message>
        <source>Route</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>For example: hearing on %1; job offer ends in May</source>
        <translation>Por ejemplo: audiencia el %1; la oferta de trabajo vence en mayo</translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation type="vanished">Estado de EE. &amp;UU.:</translation>
    </message>
    <message>
        <source>Direct application to the Governor</source>
        <translation>Solicitud directa al Gobernador</translation>
    </message>
    <message>
        <source>Certificate of Rehabilitation first (court)</source>
        <translation>Primero el Certificado de Rehabilitación (tribunal)</translation>
    </message>
    <message>
        <source>Is there an urgent reason (for example a court date) the Governor&apos;s Office should know about?</source>
        <translation>¿Hay algún motivo urgente (por ejemplo, una fecha en el tribunal) que deba saber la Oficina del Gobernador?</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="vanished">&amp;Sí</translation>
    </message>
    <message>
        <source>N&amp;o</source>
        <translation type="vanished">&amp;No</translation>
    </message>
    <message>
        <source>Urgent reason: yes</source>
        <translation>Motivo urgente: sí</translation>
    </message>
    <message>
        <source>Urgent reason: no</source>
        <translation>Motivo urgente: no</translation>
    </message>
    <message>
        <source>The urgent reason</source>
        <translation>El motivo urgente</translation>
    </message>
    <message>
        <source>For example: hearing on 2025-03-14; job offer ends in May</source>
        <translation type="vanished">Por ejemplo: audiencia el 2025-03-14; la oferta de trabajo vence en mayo</translation>
    </message>
    <message>
        <source>&amp;What is the reason and its date?</source>
        <translation>¿Cuál es el &amp;motivo y su fecha?</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Esta&amp;do de EE. UU.:</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Vía:</translation>
    </message>
    <message>
        <source>Most people apply directly. The Certificate of Rehabilitation route goes through the Superior Court of the county of residence first.</source>
        <translation>La mayoría solicita directamente. La vía del Certificado de Rehabilitación pasa primero por el Tribunal Superior del condado donde vive la persona.</translation>
    </message>
    <message>
        <source>Say briefly what the urgent reason is, with its date if there is one.</source>
        <translation>Diga brevemente cuál es el motivo urgente y su fecha, si la hay.</translation>
    </message>
</context>
<context>
    <name>MatterDetails</name>
    <message>
        <source>Applicant signed on</source>
        <translation>Fecha de firma del solicitante</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Fecha de presentación</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Filed &amp;on:</source>
        <translation>&amp;Presentado el:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="vanished">E&amp;stado:</translation>
    </message>
    <message>
        <source>Applicant si&amp;gned on:</source>
        <translation>El solicitante &amp;firmó el:</translation>
    </message>
    <message>
        <source>&amp;Filed on:</source>
        <translation type="vanished">&amp;Presentado el:</translation>
    </message>
</context>
<context>
    <name>MatterPage</name>
    <message>
        <source>The pardon application</source>
        <translation>La solicitud de perdón</translation>
    </message>
    <message>
        <source>A governor&apos;s pardon in the state of conviction. You can change these answers later.</source>
        <translation>Un perdón del gobernador en el estado de la condena. Puede cambiar estas respuestas más adelante.</translation>
    </message>
    <message>
        <source>A California governor&apos;s pardon. You can change these answers later.</source>
        <translation type="vanished">Un perdón del gobernador de California. Puede cambiar estas respuestas más adelante.</translation>
    </message>
</context>
<context>
    <name>MatterTab</name>
    <message>
        <source>Matter</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>&amp;New matter</source>
        <translation>N&amp;uevo caso</translation>
    </message>
    <message>
        <source>Anyone who was paid, or given a gift, for helping with this application (California Penal Code 4807.2). Leave the table empty if nobody was: the packet then states that none was paid.</source>
        <translation>Toda persona a quien se pagó o se hizo un regalo por ayudar con esta solicitud (Código Penal de California, sección 4807.2). Deje la tabla vacía si no hubo nadie: el paquete dirá entonces que no se pagó a nadie.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Convictions</source>
        <translation>Condenas</translation>
    </message>
    <message>
        <source>Support letters</source>
        <translation>Cartas de apoyo</translation>
    </message>
    <message>
        <source>DA notices</source>
        <translation>Avisos al fiscal</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Restringido</translation>
    </message>
    <message>
        <source>No matter yet. Press “New matter” to start one.</source>
        <translation>Todavía no hay ningún caso. Pulse «Nuevo caso» para empezar uno.</translation>
    </message>
    <message>
        <source>&amp;Save matter</source>
        <translation>&amp;Guardar caso</translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation>Ca&amp;so:</translation>
    </message>
    <message>
        <source>%1 pardon (%2) — started %3</source>
        <translation>Perdón de %1 (%2) — iniciado el %3</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Fix the marked cells first.</source>
        <translation>Primero corrija las celdas marcadas.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Clave de recuperación nueva</translation>
    </message>
    <message>
        <source>Make a new recovery key when the recovery sheet is lost or its key was never shown. The old key stops working at once. The new one is shown once: print its sheet and keep it locked away.</source>
        <translation>Cree una nueva clave de recuperación cuando la hoja de recuperación se haya perdido o su clave nunca se haya mostrado. La clave anterior deja de funcionar en el acto. La nueva se muestra una sola vez: imprima su hoja y guárdela bajo llave.</translation>
    </message>
    <message>
        <source>&amp;Make a new recovery key</source>
        <translation>&amp;Crear una nueva clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Save recovery sheet (PDF) to print…</source>
        <translation>&amp;Guardar la hoja de recuperación (PDF) para imprimir…</translation>
    </message>
    <message>
        <source>The old recovery key no longer works. This key is shown once.</source>
        <translation>La clave de recuperación anterior ya no funciona. Esta clave se muestra una sola vez.</translation>
    </message>
    <message>
        <source>An attorney&apos;s next log-in adds the restricted-data key to it; until then it cannot open restricted facts.</source>
        <translation>El próximo inicio de sesión de un abogado le añade la clave de los datos restringidos; hasta entonces no abre los datos restringidos.</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation type="vanished">Guardar hoja de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="vanished">Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the sheet</source>
        <translation type="vanished">No se pudo guardar la hoja</translation>
    </message>
    <message>
        <source>Saved. Print it now, then delete the file: anyone with the key can open the vault.</source>
        <translation type="vanished">Guardada. Imprímala ahora y luego borre el archivo: cualquiera que tenga la clave puede abrir la bóveda.</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Selected note</source>
        <translation>Nota seleccionada</translation>
    </message>
    <message>
        <source>Select a note above to read all of it.</source>
        <translation>Seleccione una nota arriba para leerla completa.</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <source>Write a new note…</source>
        <translation>Escriba una nota nueva…</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>A&amp;gregar nota</translation>
    </message>
    <message>
        <source>&amp;New note:</source>
        <translation>N&amp;ota nueva:</translation>
    </message>
</context>
<context>
    <name>PacketPage</name>
    <message>
        <source>Readiness problems and warnings</source>
        <translation>Problemas y advertencias</translation>
    </message>
    <message>
        <source>Why this item</source>
        <translation>Por qué aparece esto</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation type="vanished">&amp;Revisar de nuevo</translation>
    </message>
    <message>
        <source>&amp;Draft (marks every page DRAFT; builds even when something blocks)</source>
        <translation type="vanished">&amp;Borrador (marca cada página como DRAFT; se genera aunque algo lo impida)</translation>
    </message>
    <message>
        <source>Protect the PDF with a &amp;password (AES-256)</source>
        <translation type="vanished">Proteger el PDF con con&amp;traseña (AES-256)</translation>
    </message>
    <message>
        <source>PDF password (at least 8 characters)</source>
        <translation>Contraseña del PDF (8 caracteres como mínimo)</translation>
    </message>
    <message>
        <source>&amp;Build packet</source>
        <translation>Generar &amp;paquete</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="vanished">Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Save the file c&amp;opy…</source>
        <translation>C&amp;opia para el expediente…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Client &amp;instructions…</source>
        <translation type="vanished">Instr&amp;ucciones para el cliente…</translation>
    </message>
    <message>
        <source>The client&apos;s own sheet: what to sign, where it goes, what happens next</source>
        <translation>La hoja para el cliente: qué firmar, a dónde se envía y qué sigue</translation>
    </message>
    <message>
        <source>&amp;Notices for service…</source>
        <translation type="vanished">&amp;Avisos para entregar…</translation>
    </message>
    <message>
        <source>The Notices of Intent alone, to sign and serve on the district attorneys before filing</source>
        <translation>Solo los Avisos de intención de solicitar clemencia, para firmarlos y entregarlos a las fiscalías de distrito antes de presentar la solicitud</translation>
    </message>
    <message>
        <source>Only attorneys and managers may build packets.</source>
        <translation type="vanished">Solo los abogados y los administradores pueden generar paquetes.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Revisar de nuevo</translation>
    </message>
    <message>
        <source>Re&amp;quire a password to open the PDF (AES-256)</source>
        <translation>Pedir con&amp;traseña para abrir el PDF (AES-256)</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Guardar co&amp;mo…</translation>
    </message>
    <message>
        <source>C&amp;lient instructions…</source>
        <translation>Instrucciones para e&amp;l cliente…</translation>
    </message>
    <message>
        <source>Notices fo&amp;r service…</source>
        <translation>A&amp;visos para entregar…</translation>
    </message>
    <message>
        <source>Packet preview</source>
        <translation>Vista previa del paquete</translation>
    </message>
    <message>
        <source>Not ready: %1, %2. Click an item to open the field.</source>
        <translation>No está listo: %1, %2. Haga clic en un elemento para abrir el campo.</translation>
    </message>
    <message numerus="yes">
        <source>%n blocking problems</source>
        <translation>
            <numerusform>%n problema bloqueante</numerusform>
            <numerusform>%n problemas bloqueantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to build: nothing blocks, %2 to review.</source>
        <translation>Listo para generar: nada lo bloquea; %2 por revisar.</translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Profile: %1, version %2, last verified: %3</source>
        <translation>Perfil: %1, versión %2, última verificación: %3</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Save the file copy</source>
        <translation>Guardar la copia para el expediente</translation>
    </message>
    <message>
        <source>Save notices for service</source>
        <translation>Guardar avisos para entregar</translation>
    </message>
    <message>
        <source>Not ready: %1 blocking problem(s), %2 warning(s). Click an item to open the field.</source>
        <translation type="vanished">No está listo: %1 problema(s) que lo impiden, %2 advertencia(s). Haga clic en uno para abrir el campo.</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Borrador</translation>
    </message>
    <message>
        <source>A draft marks every page DRAFT and builds even when something blocks.</source>
        <translation>Un borrador marca cada página como BORRADOR y se genera aunque algo lo impida.</translation>
    </message>
    <message>
        <source>Only an attorney or a clinic manager can build packets.</source>
        <translation>Solo un abogado o un administrador de la clínica puede generar paquetes.</translation>
    </message>
    <message>
        <source>You can check what is missing and fix it. Only an attorney or a clinic manager can build the packet.</source>
        <translation>Puede revisar lo que falta y corregirlo. Solo un abogado o un administrador de la clínica puede generar el paquete.</translation>
    </message>
    <message>
        <source>The packet appears here after “Build packet”. Fix what blocks it first, or tick Draft to see it now.</source>
        <translation>El paquete aparece aquí después de «Generar paquete». Corrija primero lo que lo impide, o marque Borrador para verlo ya.</translation>
    </message>
    <message>
        <source>The packet appears here once an attorney or a clinic manager builds it.</source>
        <translation>El paquete aparece aquí cuando un abogado o un administrador de la clínica lo genera.</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>A&amp;justar al ancho</translation>
    </message>
    <message>
        <source>Ready to build: nothing blocks (%1), %2 warning(s) to review.</source>
        <translation type="vanished">Listo para generar: nada lo impide (%1), %2 advertencia(s) para revisar.</translation>
    </message>
    <message>
        <source>The PDF password needs at least 8 characters.</source>
        <translation>La contraseña del PDF necesita 8 caracteres como mínimo.</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Generando…</translation>
    </message>
    <message>
        <source>Built: %1 pages. Review the preview, then save or print.</source>
        <translation>Listo: %1 páginas. Revise la vista previa y luego guárdelo o imprímalo.</translation>
    </message>
    <message>
        <source>The packet could not be built (internal error %1).</source>
        <translation type="vanished">No se pudo generar el paquete (error interno %1).</translation>
    </message>
    <message>
        <source>Build the packet first.</source>
        <translation>Genere primero el paquete.</translation>
    </message>
    <message>
        <source>fit width</source>
        <translation type="vanished">ajustado al ancho</translation>
    </message>
    <message>
        <source>Save packet</source>
        <translation>Guardar paquete</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="vanished">No se pudo guardar: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Save client instructions</source>
        <translation>Guardar instrucciones para el cliente</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>No se pudo abrir la impresora.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>PasswordInput</name>
    <message>
        <source>The password needs at least %n characters.</source>
        <translation type="vanished">La contraseña necesita al menos %n carácter.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="vanished">Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation>Mostrar u ocultar la contraseña</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Purge by</source>
        <translation>Borrar a más tardar</translation>
    </message>
    <message>
        <source>Privacy report</source>
        <translation>Informe de privacidad</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Purge now</source>
        <translation>&amp;Borrar ahora</translation>
    </message>
    <message>
        <source>Delete restricted values whose purpose expired or whose matter passed the retention period</source>
        <translation>Borrar los datos restringidos cuya finalidad venció o cuyo caso pasó el plazo de conservación</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days after filing or closing before restricted values are purged</source>
        <translation>Días tras la presentación o el cierre antes de borrar los datos restringidos</translation>
    </message>
    <message>
        <source>Purge restricted values this long after a matter is filed or closed:</source>
        <translation>Borrar los datos restringidos este tiempo después de presentar o cerrar un caso:</translation>
    </message>
    <message>
        <source>Save &amp;period</source>
        <translation>Guardar &amp;plazo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restricted data held by the clinic&lt;/b&gt;</source>
        <translation>&lt;b&gt;Datos restringidos que guarda la clínica&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Only attorneys and managers can see the privacy report.</source>
        <translation>Solo los abogados y los administradores pueden ver el informe de privacidad.</translation>
    </message>
    <message>
        <source>yes, %1</source>
        <translation>sí, %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>work product</source>
        <translation>producto de trabajo</translation>
    </message>
    <message>
        <source>profile requires</source>
        <translation>lo exige el perfil</translation>
    </message>
    <message numerus="yes">
        <source>%n restricted values held.</source>
        <translation>
            <numerusform>Se guarda %n dato restringido.</numerusform>
            <numerusform>Se guardan %n datos restringidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Values are purged %n days after a matter is filed or closed, or when their purpose expires.</source>
        <translation>
            <numerusform>Los datos se borran %n día después de presentar o cerrar el caso, o cuando vence su finalidad.</numerusform>
            <numerusform>Los datos se borran %n días después de presentar o cerrar el caso, o cuando vence su finalidad.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Values are purged when their purpose expires. The retention period (%n days) was changed outside the app and no manager signed it, so nothing is purged after filing or closing until a manager saves the period again.</source>
        <translation>
            <numerusform>Los valores se purgan cuando vence su propósito. El período de conservación (%n día) se cambió fuera de la aplicación y ningún administrador lo firmó, así que no se purga nada después de presentar o cerrar hasta que un administrador guarde el período de nuevo.</numerusform>
            <numerusform>Los valores se purgan cuando vence su propósito. El período de conservación (%n días) se cambió fuera de la aplicación y ningún administrador lo firmó, así que no se purga nada después de presentar o cerrar hasta que un administrador guarde el período de nuevo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n restricted values.</source>
        <translation>
            <numerusform>Se borró %n dato restringido.</numerusform>
            <numerusform>Se borraron %n datos restringidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restricted value(s) held.</source>
        <translation type="vanished">
            <numerusform>Se guarda %n dato restringido.</numerusform>
            <numerusform>Se guardan %n datos restringidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Values are purged %n day(s) after a matter is filed or closed, or when their purpose expires.</source>
        <translation type="vanished">
            <numerusform>Los datos se borran %n día después de presentar o cerrar el caso, o cuando vence su finalidad.</numerusform>
            <numerusform>Los datos se borran %n días después de presentar o cerrar el caso, o cuando vence su finalidad.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>No se pudo hacer el informe.</translation>
    </message>
    <message>
        <source>Purge restricted data</source>
        <translation>Borrar datos restringidos</translation>
    </message>
    <message>
        <source>Delete every restricted value that is past its retention date or purpose expiry now?</source>
        <translation>¿Borrar ahora todos los datos restringidos que pasaron su fecha de conservación o cuya finalidad venció?</translation>
    </message>
    <message numerus="yes">
        <source>Purged %n restricted value(s).</source>
        <translation type="vanished">
            <numerusform>Se borró %n dato restringido.</numerusform>
            <numerusform>Se borraron %n datos restringidos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>Demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Esto no parece una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Before %1: check the year.</source>
        <translation>Anterior a %1: revise el año.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Esta fecha está en el futuro.</translation>
    </message>
    <message>
        <source>This date is before the %1.</source>
        <translation>Esta fecha es anterior a: %1.</translation>
    </message>
    <message>
        <source>This date is after the %1 of a conviction.</source>
        <translation>Esta fecha es posterior a una condena (%1).</translation>
    </message>
    <message>
        <source>The client was %1 at the time: check whether this is a juvenile record (juvenile records are sealed, not pardoned).</source>
        <translation>El cliente tenía %1 años entonces: compruebe si es un antecedente de menores (esos antecedentes se sellan, no se indultan).</translation>
    </message>
    <message>
        <source>The client would have been %1 at the time: check this date and the date of birth.</source>
        <translation>El cliente habría tenido %1 años entonces: revise esta fecha y la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>Must be %1.</source>
        <translation>Debe ser %1.</translation>
    </message>
    <message>
        <source>Unknown key.</source>
        <translation>Clave desconocida.</translation>
    </message>
    <message>
        <source>A restricted category: accepted only under a matter&apos;s &apos;restricted&apos; object.</source>
        <translation>Una categoría restringida: solo se acepta dentro del objeto &apos;restricted&apos; de un caso.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Debe ser uno de estos valores: %1.</translation>
    </message>
    <message>
        <source>Out of the allowed range.</source>
        <translation>Fuera del intervalo permitido.</translation>
    </message>
    <message>
        <source>Must be a finite number.</source>
        <translation>Debe ser un número finito.</translation>
    </message>
    <message>
        <source>Contains characters that are not valid text.</source>
        <translation>Contiene caracteres que no son texto válido.</translation>
    </message>
    <message>
        <source>Must be a date written YYYY-MM-DD.</source>
        <translation>Debe ser una fecha escrita AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Must be a two-letter state code such as CA.</source>
        <translation>Debe ser un código de estado de dos letras, como CA.</translation>
    </message>
    <message>
        <source>Must be a language tag such as en or es.</source>
        <translation>Debe ser una etiqueta de idioma, como en o es.</translation>
    </message>
    <message>
        <source>Nested deeper than %1 levels.</source>
        <translation>Anidado a más de %1 niveles.</translation>
    </message>
    <message>
        <source>More than %1 items.</source>
        <translation>Más de %1 elementos.</translation>
    </message>
    <message>
        <source>Not valid JSON (line %1).</source>
        <translation>No es JSON válido (línea %1).</translation>
    </message>
    <message>
        <source>Not UTF-8 text.</source>
        <translation>No es texto UTF-8.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>El archivo ocupa más de %1 MiB.</translation>
    </message>
    <message>
        <source>Not a clinic-intake document.</source>
        <translation>No es un documento clinic-intake.</translation>
    </message>
    <message>
        <source>Written by a newer version of Clinic Intake (format version %1).</source>
        <translation>Escrito por una versión más reciente de Clinic Intake (versión del formato %1).</translation>
    </message>
    <message>
        <source>Not valid here.</source>
        <translation>No es válido aquí.</translation>
    </message>
    <message>
        <source>List at least %1.</source>
        <translation>Indique al menos %1.</translation>
    </message>
    <message>
        <source>Does not match the file name: name the file %1.toml.</source>
        <translation>No coincide con el nombre del archivo: llame al archivo %1.toml.</translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation>Campo desconocido %1.</translation>
    </message>
    <message>
        <source>Unknown restricted field %1.</source>
        <translation>Campo restringido desconocido %1.</translation>
    </message>
    <message>
        <source>The restricted field %1 is not listed in restricted_fields_needed.</source>
        <translation>El campo restringido %1 no figura en restricted_fields_needed.</translation>
    </message>
    <message>
        <source>A repeated section may only hold conviction fields.</source>
        <translation>Una sección repetida solo puede contener campos de condena.</translation>
    </message>
    <message>
        <source>Conviction fields need repeat = &quot;conviction&quot;.</source>
        <translation>Los campos de condena necesitan repeat = &quot;conviction&quot;.</translation>
    </message>
    <message>
        <source>Guidance is never a gate; use a document field with need = &quot;required&quot;.</source>
        <translation>Una orientación nunca bloquea; use un campo de documento con need = &quot;required&quot;.</translation>
    </message>
    <message>
        <source>Needs a document of kind %1.</source>
        <translation>Necesita un documento de tipo %1.</translation>
    </message>
    <message>
        <source>A document with notarize = true needs the notary acknowledgment wording.</source>
        <translation>Un documento con notarize = true necesita el texto del reconocimiento notarial.</translation>
    </message>
    <message>
        <source>Document ids must be unique (%1 is used twice).</source>
        <translation>Los id de documento deben ser únicos (%1 aparece dos veces).</translation>
    </message>
    <message>
        <source>No document with id %1.</source>
        <translation>No hay ningún documento con id %1.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>verdadero o falso</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a date written YYYY-MM-DD</source>
        <translation>una fecha escrita AAAA-MM-DD</translation>
    </message>
    <message>
        <source>another kind of value</source>
        <translation>otro tipo de valor</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>offense date</source>
        <translation>fecha del delito</translation>
    </message>
    <message>
        <source>conviction date</source>
        <translation>fecha de la condena</translation>
    </message>
    <message>
        <source>end of supervision</source>
        <translation>fin de la supervisión</translation>
    </message>
    <message>
        <source>dismissal date</source>
        <translation>fecha de desestimación</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Deshacer cambios</translation>
    </message>
    <message>
        <source>Last changed %1 by %2</source>
        <translation>Último cambio: %1, por %2</translation>
    </message>
</context>
<context>
    <name>ProfileText</name>
    <message>
        <source>1. Impact of a pardon on my family and community</source>
        <translation>1. El efecto del perdón en mi familia y mi comunidad</translation>
    </message>
    <message>
        <source>2. The offense, its circumstances, and my age at the time</source>
        <translation>2. El delito, sus circunstancias y mi edad en ese momento</translation>
    </message>
    <message>
        <source>3. My self-development and conduct since the offense</source>
        <translation>3. Mi desarrollo personal y mi conducta desde el delito</translation>
    </message>
    <message>
        <source>4. My need for a pardon</source>
        <translation>4. Por qué necesito el perdón</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>California: Governor&apos;s pardon (direct application)</source>
        <translation>California: perdón del gobernador (solicitud directa)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Certificate of Rehabilitation (court petition that becomes a pardon application, PC 4852.16)</source>
        <translation>Certificado de Rehabilitación (petición a la corte que se convierte en solicitud de perdón, PC 4852.16)</translation>
    </message>
    <message>
        <source>Class (felony, misdemeanor, violation)</source>
        <translation>Clase (delito grave, delito menor, infracción)</translation>
    </message>
    <message>
        <source>Clinic or attorney</source>
        <translation>Clínica o abogado</translation>
    </message>
    <message>
        <source>Code section</source>
        <translation>Sección del código</translation>
    </message>
    <message>
        <source>Community service</source>
        <translation>Servicio comunitario</translation>
    </message>
    <message>
        <source>Contact telephone (applicant or advocate)</source>
        <translation>Teléfono de contacto (solicitante o representante)</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <source>County (place of conviction)</source>
        <translation>Condado (lugar de la condena)</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Corte</translation>
    </message>
    <message>
        <source>Crime</source>
        <translation>Delito</translation>
    </message>
    <message>
        <source>Current level (after PC 17(b) / Prop 47)</source>
        <translation>Nivel actual (después de PC 17(b) / Prop 47)</translation>
    </message>
    <message>
        <source>Custody or supervision ended</source>
        <translation>Fin de la custodia o supervisión</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Date of conviction</source>
        <translation>Fecha de la condena</translation>
    </message>
    <message>
        <source>Date of offense</source>
        <translation>Fecha del delito</translation>
    </message>
    <message>
        <source>Date of sentence</source>
        <translation type="vanished">Fecha de la sentencia</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Fecha de la firma</translation>
    </message>
    <message>
        <source>Date signed by the applicant</source>
        <translation>Fecha en que firmó el solicitante</translation>
    </message>
    <message>
        <source>Direct application to the Governor</source>
        <translation>Solicitud directa al Gobernador</translation>
    </message>
    <message>
        <source>Dismissed under PC 1203.4 on</source>
        <translation>Desestimada bajo PC 1203.4 el</translation>
    </message>
    <message>
        <source>Earlier Governors generally considered applications only 10 years after discharge from probation or parole. The current Governor&apos;s page does not mention this rule (UNCONFIRMED), so it is guidance, never a bar.</source>
        <translation>Los gobernadores anteriores por lo general consideraban las solicitudes solo 10 años después de terminar la libertad condicional (probation o parole). La página del gobernador actual no menciona esta regla (SIN CONFIRMAR), así que es una orientación, nunca un impedimento.</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Email (allows electronic notice, PC 4812(d))</source>
        <translation>Correo electrónico (permite avisos electrónicos, PC 4812(d))</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <source>Family circumstances</source>
        <translation>Situación familiar</translation>
    </message>
    <message>
        <source>Felony convictions in {count} separate cases: the Governor may grant a pardon only on the recommendation of the California Supreme Court. The Governor&apos;s Office requests it; the applicant files nothing with the court.</source>
        <translation>Condenas por delitos graves en {count} casos distintos: el gobernador solo puede conceder el perdón con la recomendación de la Corte Suprema de California. La Oficina del Gobernador la solicita; el solicitante no presenta nada ante la corte.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Indictment or docket number</source>
        <translation>Número de acusación o de expediente</translation>
    </message>
    <message>
        <source>Legal full name</source>
        <translation>Nombre legal completo</translation>
    </message>
    <message>
        <source>Level at conviction</source>
        <translation>Nivel al momento de la condena</translation>
    </message>
    <message>
        <source>Mailing address (for notices from the Board)</source>
        <translation>Dirección postal (para avisos de la Junta)</translation>
    </message>
    <message>
        <source>My family and community</source>
        <translation>Mi familia y mi comunidad</translation>
    </message>
    <message>
        <source>My life since the offense</source>
        <translation>Mi vida desde el delito</translation>
    </message>
    <message>
        <source>New York considers clemency only when no other remedy exists; check whether sealing under CPL 160.59 is available first.</source>
        <translation>Nueva York considera la clemencia solo cuando no existe otro recurso; revise primero si es posible sellar el expediente bajo CPL 160.59.</translation>
    </message>
    <message>
        <source>New York: executive clemency (pardon)</source>
        <translation>Nueva York: clemencia ejecutiva (perdón)</translation>
    </message>
    <message>
        <source>Notice of Intent to Apply for Clemency</source>
        <translation>Aviso de intención de solicitar clemencia</translation>
    </message>
    <message>
        <source>Offense</source>
        <translation>Delito</translation>
    </message>
    <message>
        <source>Other names used</source>
        <translation>Otros nombres usados</translation>
    </message>
    <message>
        <source>Other names used (as in court records)</source>
        <translation>Otros nombres usados (como en los expedientes judiciales)</translation>
    </message>
    <message>
        <source>Pardon requested for this conviction</source>
        <translation>Se pide el perdón para esta condena</translation>
    </message>
    <message>
        <source>Probation or parole ended</source>
        <translation>Fin de la libertad condicional (probation o parole)</translation>
    </message>
    <message>
        <source>Reason for the pardon</source>
        <translation>Motivo del perdón</translation>
    </message>
    <message>
        <source>Rehabilitation programs and conduct</source>
        <translation>Programas de rehabilitación y conducta</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Sentencia</translation>
    </message>
    <message>
        <source>Standard pardon application</source>
        <translation>Solicitud de perdón estándar</translation>
    </message>
    <message>
        <source>State or country</source>
        <translation>Estado o país</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>The Governor&apos;s Office encourages applicants who are eligible for a Certificate of Rehabilitation to use that route. It needs current California residence, so it does not help people who live abroad.</source>
        <translation>La Oficina del Gobernador anima a quienes pueden pedir un Certificado de Rehabilitación a usar esa vía. Requiere residir actualmente en California, así que no ayuda a quienes viven en el extranjero.</translation>
    </message>
    <message>
        <source>The application&apos;s closing affirmation is this profile&apos;s wording, not an affirmation under penalty of perjury: the official form&apos;s own wording is UNCONFIRMED. Check it before the applicant signs (CPLR 2106 prescribes a form for statements used in a court action).</source>
        <translation>La afirmación final de la solicitud es la redacción de este perfil, no una afirmación bajo pena de perjurio: la redacción del formulario oficial está SIN CONFIRMAR. Revísela antes de que firme el solicitante (CPLR 2106 establece una fórmula para las declaraciones que se usan en un proceso judicial).</translation>
    </message>
    <message>
        <source>The offense and my responsibility</source>
        <translation>El delito y mi responsabilidad</translation>
    </message>
    <message>
        <source>Urgent need (PC 4812(c))</source>
        <translation>Necesidad urgente (PC 4812(c))</translation>
    </message>
    <message>
        <source>Urgent need: description</source>
        <translation>Necesidad urgente: descripción</translation>
    </message>
    <message>
        <source>Why I am asking for a pardon</source>
        <translation>Por qué pido el perdón</translation>
    </message>
    <message>
        <source>Why a pardon is needed</source>
        <translation>Por qué necesita el perdón</translation>
    </message>
    <message>
        <source>{count} of these felonies were later reduced; whether they still count is for the attorney to decide.</source>
        <translation>{count} de estos delitos graves se redujeron después; el abogado decide si todavía cuentan.</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>State profiles</source>
        <translation>Perfiles estatales</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>File verified</source>
        <translation>Archivo verificado</translation>
    </message>
    <message>
        <source>Checked here</source>
        <translation>Revisado aquí</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Form field</source>
        <translation>Campo del formulario</translation>
    </message>
    <message>
        <source>Filled from</source>
        <translation>Se rellena con</translation>
    </message>
    <message>
        <source>Value for the open matter</source>
        <translation>Valor para el caso abierto</translation>
    </message>
    <message>
        <source>&amp;Map the chosen field…</source>
        <translation>&amp;Asignar el campo elegido…</translation>
    </message>
    <message>
        <source>Form mapping</source>
        <translation type="vanished">Formulario oficial</translation>
    </message>
    <message>
        <source>Form ma&amp;pping</source>
        <translation>Formulario &amp;oficial</translation>
    </message>
    <message>
        <source>I &amp;checked this profile today</source>
        <translation>&amp;Revisé este perfil hoy</translation>
    </message>
    <message>
        <source>Attach the official &amp;form PDF…</source>
        <translation>Adjuntar el PDF del &amp;formulario oficial…</translation>
    </message>
    <message>
        <source>Remo&amp;ve the form…</source>
        <translation>&amp;Quitar el formulario…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>(this profile file does not load; run “clinic-app profile check”)</source>
        <translation>(este archivo de perfil no se carga; ejecute «clinic-app profile check»)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>the clinic&apos;s own file</source>
        <translation>archivo propio de la clínica</translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation>incluido con la aplicación</translation>
    </message>
    <message>
        <source>Version %1, %2.</source>
        <translation>Versión %1, %2.</translation>
    </message>
    <message>
        <source>Compare the profile with these sources, then press “I checked this profile today”.</source>
        <translation>Compare el perfil con estas fuentes y pulse «Revisé este perfil hoy».</translation>
    </message>
    <message>
        <source>retrieved %1</source>
        <translation>consultada el %1</translation>
    </message>
    <message>
        <source>Replace the official &amp;form PDF…</source>
        <translation>Reemplazar el PDF del &amp;formulario oficial…</translation>
    </message>
    <message>
        <source>No official form is stored for this state.</source>
        <translation>No hay ningún formulario oficial guardado para este estado.</translation>
    </message>
    <message>
        <source>This form is named in the clinic&apos;s own profile file (%1.toml); it is changed there.</source>
        <translation>Este formulario está indicado en el archivo de perfil propio de la clínica (%1.toml); se cambia allí.</translation>
    </message>
    <message>
        <source>No official form is stored for %1: its packets use the app&apos;s application worksheet. Attach the state&apos;s fillable PDF to fill it instead.</source>
        <translation>No hay ningún formulario oficial guardado para %1: sus paquetes usan la hoja de trabajo de solicitud de la aplicación. Adjunte el PDF rellenable del estado para rellenarlo en su lugar.</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fields</source>
        <translation>
            <numerusform>%n campo</numerusform>
            <numerusform>%n campos</numerusform>
        </translation>
    </message>
    <message>
        <source>named in the clinic&apos;s own profile file</source>
        <translation>indicado en el archivo de perfil propio de la clínica</translation>
    </message>
    <message>
        <source>stored earlier</source>
        <translation>guardado antes</translation>
    </message>
    <message>
        <source>Official form: %1 (%2, %3), %4.</source>
        <translation>Formulario oficial: %1 (%2, %3), %4.</translation>
    </message>
    <message>
        <source>Official form: %1 (%2, %3), stored on %4 by %5.</source>
        <translation>Formulario oficial: %1 (%2, %3), guardado el %4 por %5.</translation>
    </message>
    <message>
        <source>Official application form for %1</source>
        <translation>Formulario oficial de solicitud de %1</translation>
    </message>
    <message>
        <source>PDF forms (*.pdf)</source>
        <translation>Formularios PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Stored the %1 form with %n fields; map them with “Map the chosen field…”.</source>
        <translation>
            <numerusform>Se guardó el formulario de %1 con %n campo; asígnelo con «Asignar el campo elegido…».</numerusform>
            <numerusform>Se guardó el formulario de %1 con %n campos; asígnelos con «Asignar el campo elegido…».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored the %1 form with %n fields; map each one below.</source>
        <translation type="vanished">
            <numerusform>Se guardó el formulario de %1 con %n campo; asígnelo abajo.</numerusform>
            <numerusform>Se guardó el formulario de %1 con %n campos; asigne cada uno abajo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the official form</source>
        <translation>Quitar el formulario oficial</translation>
    </message>
    <message>
        <source>Remove the official form stored for %1?

Which record value fills each of its fields is forgotten with it, and %1 packets use the app&apos;s application worksheet until a form is attached again.</source>
        <translation>¿Quitar el formulario oficial guardado para %1?

También se olvida qué dato del expediente rellena cada uno de sus campos, y los paquetes de %1 usan la hoja de trabajo de solicitud de la aplicación hasta que se adjunte otro formulario.</translation>
    </message>
    <message>
        <source>Removed the %1 form; its packets use the app&apos;s worksheet.</source>
        <translation>Se quitó el formulario de %1; sus paquetes usan la hoja de trabajo de la aplicación.</translation>
    </message>
    <message>
        <source>This version cannot fill official forms yet; packets use the worksheet.</source>
        <translation type="vanished">Esta versión aún no puede rellenar formularios oficiales; los paquetes usan la hoja de trabajo.</translation>
    </message>
    <message>
        <source>Values are shown for the open matter.</source>
        <translation>Se muestran los valores del caso abierto.</translation>
    </message>
    <message>
        <source>Open a client&apos;s matter to see its values here.</source>
        <translation>Abra el caso de un cliente para ver aquí sus valores.</translation>
    </message>
    <message>
        <source>Attach the official form first; then map its fields here.</source>
        <translation>Primero adjunte el formulario oficial; después asigne aquí sus campos.</translation>
    </message>
    <message>
        <source>Map a form field</source>
        <translation>Asignar un campo del formulario</translation>
    </message>
    <message>
        <source>Fill “%1” from (for example client.full_name, conviction[0].case_number; “-” clears it):</source>
        <translation>Rellenar «%1» con (por ejemplo client.full_name, conviction[0].case_number; «-» lo borra):</translation>
    </message>
    <message>
        <source>Recorded: you checked the %1 profile today.</source>
        <translation>Registrado: hoy revisó el perfil de %1.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Tipo de archivo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar archivos &amp;ocultos</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Carpeta superior</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ir a la carpeta superior</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Cambiar a vista de lista</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Buscar carpeta</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>No se pudo borrar la carpeta.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ya existe.
¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Revise que el nombre del archivo sea correcto.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
No se encontró la carpeta.
Revise que el nombre de la carpeta sea correcto.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Invalid filename</source>
        <translation>Nombre de archivo no válido</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print To File ...</source>
        <translation>Imprimir a archivo…</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>No se puede escribir en el archivo %1.
Elija otro nombre de archivo.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Impresión a doble cara</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Encuadernación por el lado largo</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Encuadernación por el lado corto</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Juego de páginas:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Escriba páginas o intervalos separados por comas. Un intervalo son dos números separados por un guion. Por ejemplo: 3,5-7,9 imprime las páginas 3, 5, 6, 7 y 9.</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Archivo de salida:</translation>
    </message>
</context>
<context>
    <name>ReadinessText</name>
    <message>
        <source>No conviction is listed.</source>
        <translation>No hay ninguna condena registrada.</translation>
    </message>
    <message>
        <source>No conviction is marked &quot;pardon requested&quot;.</source>
        <translation>Ninguna condena está marcada como &quot;se pide el perdón&quot;.</translation>
    </message>
    <message>
        <source>{label} is missing.</source>
        <translation>Falta: {label}.</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: {label} is missing.</source>
        <translation>Condena {number}{county}: falta {label}.</translation>
    </message>
    <message>
        <source>{label} is missing (restricted data).</source>
        <translation>Falta: {label} (datos restringidos).</translation>
    </message>
    <message>
        <source>Personal statement: &quot;{section}&quot; is empty.</source>
        <translation>Declaración personal: &quot;{section}&quot; está vacía.</translation>
    </message>
    <message>
        <source>{county}: not a {state} county; check the spelling.</source>
        <translation>{county}: no es un condado de {state}; revise cómo está escrito.</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: not a {state} county; choose one from the list.</source>
        <translation>Condena {number}{county}: no es un condado de {state}; elija uno de la lista.</translation>
    </message>
    <message>
        <source>{county} County: the district attorney&apos;s address is not complete (street, city and ZIP code).</source>
        <translation>Condado de {county}: la dirección de la fiscalía no está completa (calle, ciudad y código postal).</translation>
    </message>
    <message>
        <source>{county} County: the district attorney&apos;s address has not been verified.</source>
        <translation>Condado de {county}: la dirección de la fiscalía no está verificada.</translation>
    </message>
    <message>
        <source>{county} County: the district attorney&apos;s address was last verified on {date}, over a year ago.</source>
        <translation>Condado de {county}: la dirección de la fiscalía se verificó por última vez el {date}, hace más de un año.</translation>
    </message>
    <message>
        <source>{notice}: not yet served on the {county} County district attorney.</source>
        <translation>{notice}: todavía no se entregó a la fiscalía del condado de {county}.</translation>
    </message>
    <message>
        <source>{county} County notice: who served it is missing; the declaration of service names that adult.</source>
        <translation>Aviso del condado de {county}: falta quién lo entregó; la declaración de entrega nombra a esa persona adulta.</translation>
    </message>
    <message>
        <source>{county} County notice: how it was served is missing (personal delivery, first-class mail, certified mail).</source>
        <translation>Aviso del condado de {county}: falta cómo se entregó (en persona, por correo de primera clase, por correo certificado).</translation>
    </message>
    <message>
        <source>{county} County notice: served by mail, but the place of mailing is missing (city and state).</source>
        <translation>Aviso del condado de {county}: se envió por correo, pero falta el lugar de envío (ciudad y estado).</translation>
    </message>
    <message>
        <source>{county} County notice: served by certified mail without the article number.</source>
        <translation>Aviso del condado de {county}: se envió por correo certificado sin el número de artículo.</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: supervision ended under {years} years ago ({date}).</source>
        <translation>Condena {number}{county}: la supervisión terminó hace menos de {years} años ({date}).</translation>
    </message>
    <message>
        <source>The Certificate of Rehabilitation route may be available now.</source>
        <translation>La vía del Certificado de Rehabilitación puede estar disponible ya.</translation>
    </message>
    <message>
        <source>The Certificate of Rehabilitation route may be available from {date}.</source>
        <translation>La vía del Certificado de Rehabilitación puede estar disponible a partir del {date}.</translation>
    </message>
    <message>
        <source>Support letter {number}: marked received, but no letter with this writer as author is attached; it is not in the packet.</source>
        <translation>Carta de apoyo {number}: marcada como recibida, pero no hay ninguna carta adjunta con esta persona como autora; no está en el paquete.</translation>
    </message>
    <message>
        <source>No support letter is attached.</source>
        <translation>No hay ninguna carta de apoyo adjunta.</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: no court record attached (attach it on the Documents tab with this case chosen under &quot;Case&quot;, or put the case number in its title or file name).</source>
        <translation>Condena {number}{county}: no hay expediente judicial adjunto (adjúntelo en la pestaña Documentos con este caso elegido en «Número de caso», o ponga el número de caso en su título o nombre de archivo).</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: no court record attached (its title or file name should carry the case number).</source>
        <translation type="vanished">Condena {number}{county}: no hay expediente judicial adjunto (su título o nombre de archivo debe llevar el número de caso).</translation>
    </message>
    <message>
        <source>Court record {record}: not tied to any listed conviction (by the case chosen when it was attached, or by the case number in its title or file name), yet it goes into the packet as an exhibit. If it is the record of a listed conviction, put the case number in its title; if not, remove it.</source>
        <translation>Expediente judicial {record}: no está vinculado a ninguna condena de la lista (ni por el caso elegido al adjuntarlo ni por el número de caso de su título o nombre de archivo), y aun así va en el paquete como anexo. Si es el expediente de una condena de la lista, ponga el número de caso en su título; si no, quítelo.</translation>
    </message>
    <message>
        <source>Court record {record}: its title or file name carries no listed conviction&apos;s case number, yet it goes into the packet as an exhibit. If it is a record of a listed conviction, put the case number in its title; if not, remove it.</source>
        <translation type="vanished">Expediente judicial {record}: su título o nombre de archivo no lleva el número de caso de ninguna condena de la lista, y aun así va en el paquete como anexo. Si es el expediente de una condena de la lista, ponga el número de caso en su título; si no, quítelo.</translation>
    </message>
    <message>
        <source>Conviction {number}{county}: a conviction in {conviction_state}, which a {state} pardon cannot reach. Uncheck &quot;pardon requested&quot; for it: it stays in the application as history.</source>
        <translation>Condena {number}{county}: una condena de {conviction_state}, que un perdón de {state} no puede alcanzar. Desmarque «perdón solicitado» para ella: queda en la solicitud como antecedente.</translation>
    </message>
    <message>
        <source>Urgent need is flagged but not described.</source>
        <translation>La necesidad urgente está marcada pero no descrita.</translation>
    </message>
    <message>
        <source>The {state} profile ({version}) has never been checked against its official sources.</source>
        <translation>El perfil de {state} ({version}) nunca se comparó con sus fuentes oficiales.</translation>
    </message>
    <message>
        <source>The {state} profile was last verified on {date}.</source>
        <translation>El perfil de {state} se verificó por última vez el {date}.</translation>
    </message>
    <message>
        <source>The letterhead (clinic name, address, phone, email) was changed outside the app or by an older version, and no manager signed it. A manager checks it in Clinic ▸ Clinic settings and saves it. A draft can be built.</source>
        <translation type="vanished">El membrete (nombre, dirección, teléfono y correo de la clínica) se cambió fuera de la aplicación o con una versión anterior, y ningún administrador lo firmó. Un administrador lo revisa en Clínica ▸ Ajustes de la clínica y lo guarda. Se puede generar un borrador.</translation>
    </message>
    <message>
        <source>The packet check reports “{0}”, which this version of the app cannot put into words.</source>
        <translation>La comprobación del paquete informa de «{0}», que esta versión de la aplicación no sabe expresar con palabras.</translation>
    </message>
    <message>
        <source>The application is the app&apos;s worksheet, not the official {state} form. Store and map the official form (Clinic ▸ State profiles), or a final packet needs your check.</source>
        <translation type="vanished">La solicitud es la hoja de trabajo de la aplicación, no el formulario oficial de {state}. Guarde y asigne el formulario oficial (Clínica ▸ Perfiles estatales), o un paquete final necesitará su revisión.</translation>
    </message>
    <message>
        <source>A final {state} packet needs your check of the profile. Build a draft, or record that you checked it (Clinic ▸ State profiles).</source>
        <translation type="vanished">Un paquete final de {state} necesita que usted revise el perfil. Genere un borrador, o registre que lo revisó (Clínica ▸ Perfiles estatales).</translation>
    </message>
    <message>
        <source>The {state} profile has no submission address.</source>
        <translation>El perfil de {state} no tiene dirección de envío.</translation>
    </message>
    <message>
        <source>The submission address in the {state} profile is not verified.</source>
        <translation>La dirección de envío del perfil de {state} no está verificada.</translation>
    </message>
    <message>
        <source>The application is the app&apos;s worksheet, not the official form: store and map the official form (Clinic ▸ State profiles ▸ Form mapping), or a final packet needs your check.</source>
        <translation>La solicitud es la hoja de trabajo de la aplicación, no el formulario oficial: guarde y asigne el formulario oficial (Clínica ▸ Perfiles estatales ▸ Formulario oficial), o un paquete final necesita su revisión.</translation>
    </message>
    <message>
        <source>A final packet needs your check (the worksheet is used, or the profile was never verified). Build a draft, or press “I checked this profile today” in Clinic ▸ State profiles.</source>
        <translation>Un paquete final necesita su revisión (se usa la hoja de trabajo o el perfil nunca se verificó). Genere un borrador, o pulse «Revisé este perfil hoy» en Clínica ▸ Perfiles estatales.</translation>
    </message>
    <message>
        <source>Your full name is not set; the cover letter is signed with it. Set it in Clinic ▸ Users.</source>
        <translation>Su nombre completo no está indicado; la carta de presentación se firma con él. Indíquelo en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>Your State Bar number is not set; the cover letter is signed with it. Set it in Clinic ▸ Users.</source>
        <translation>Su número del State Bar no está indicado; la carta de presentación se firma con él. Indíquelo en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>The attachment &quot;{file}&quot; cannot be put into the packet.</source>
        <translation>El adjunto &quot;{file}&quot; no se puede poner en el paquete.</translation>
    </message>
    <message>
        <source>The fillable form named in the {state} profile cannot be read ({file}).</source>
        <translation>No se puede leer el formulario rellenable que indica el perfil de {state} ({file}).</translation>
    </message>
    <message>
        <source>The {state} packet needs restricted facts ({fields}); they are checked when an attorney builds it.</source>
        <translation>El paquete de {state} necesita datos restringidos ({fields}); se revisan cuando un abogado lo genera.</translation>
    </message>
    <message>
        <source>The {state} packet needs restricted facts ({fields}); only an attorney can build it.</source>
        <translation>El paquete de {state} necesita datos restringidos ({fields}); solo un abogado puede generarlo.</translation>
    </message>
    <message>
        <source>The letterhead (clinic name, address, phone, email) is not the one a manager signed: it was changed outside the app, or set with an older version of the app or before a restore or a password reset. A manager checks it in Clinic ▸ Clinic settings and saves it. A draft can be built.</source>
        <translation>El membrete (nombre, dirección, teléfono y correo de la clínica) no es el que firmó un administrador: se cambió fuera de la aplicación, o se fijó con una versión anterior de la aplicación o antes de una restauración o de un restablecimiento de contraseña. Un administrador lo revisa en Clínica ▸ Ajustes de la clínica y lo guarda. Se puede generar un borrador.</translation>
    </message>
    <message>
        <source>A {period_years}-year period counted from the conviction date ({registration_years} years if PC 290 registration applies), never before supervision ends. Needs a felony committed to state prison or dismissed under PC 1203.4, and {residence_years} years&apos; continuous residence in the state: the attorney confirms.</source>
        <translation>Un plazo de {period_years} años contado desde la fecha de la condena ({registration_years} años si corresponde el registro bajo PC 290), nunca antes de que termine la supervisión. Requiere un delito grave con pena en prisión estatal o desestimado bajo PC 1203.4, y {residence_years} años de residencia continua en el estado: el abogado lo confirma.</translation>
    </message>
    <message numerus="yes">
        <source>{county} County notice was served %n days ago; the governor may act only {minimum_days} days after service ({statute}).</source>
        <translation>
            <numerusform>El aviso del condado de {county} se entregó hace %n día; el gobernador solo puede decidir {minimum_days} días después de la entrega ({statute}).</numerusform>
            <numerusform>El aviso del condado de {county} se entregó hace %n días; el gobernador solo puede decidir {minimum_days} días después de la entrega ({statute}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTableEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>Agregar &amp;fila</translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation>&amp;Quitar fila</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>viewed</source>
        <translation>consultado</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exportado</translation>
    </message>
    <message>
        <source>packet built</source>
        <translation>paquete generado</translation>
    </message>
    <message>
        <source>notices built</source>
        <translation>avisos generados</translation>
    </message>
    <message>
        <source>client instructions made</source>
        <translation>instrucciones para el cliente generadas</translation>
    </message>
    <message>
        <source>restricted facts viewed</source>
        <translation>datos restringidos consultados</translation>
    </message>
    <message>
        <source>restricted fact changed</source>
        <translation>dato restringido modificado</translation>
    </message>
    <message>
        <source>restricted fact deleted</source>
        <translation>dato restringido eliminado</translation>
    </message>
    <message>
        <source>restricted facts put in a packet</source>
        <translation>datos restringidos incluidos en un paquete</translation>
    </message>
    <message>
        <source>restricted facts exported</source>
        <translation>datos restringidos exportados</translation>
    </message>
    <message>
        <source>imported from a bundle</source>
        <translation>importado de un lote</translation>
    </message>
    <message>
        <source>sent in a bundle</source>
        <translation>enviado en un lote</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>matter</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>conviction</source>
        <translation>condena</translation>
    </message>
    <message>
        <source>support letter</source>
        <translation>carta de apoyo</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>admisión</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Felony</source>
        <translation>Delito grave</translation>
    </message>
    <message>
        <source>Misdemeanor</source>
        <translation>Delito menor</translation>
    </message>
    <message>
        <source>Infraction</source>
        <translation>Infracción</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Code section</source>
        <translation>Sección del código</translation>
    </message>
    <message>
        <source>Offense</source>
        <translation>Delito</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Level now</source>
        <translation>Nivel actual</translation>
    </message>
    <message>
        <source>Offense date</source>
        <translation>Fecha del delito</translation>
    </message>
    <message>
        <source>Conviction date</source>
        <translation>Fecha de la condena</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Sentencia</translation>
    </message>
    <message>
        <source>Supervision ended</source>
        <translation>Fin de la supervisión</translation>
    </message>
    <message>
        <source>Dismissed (PC 1203.4)</source>
        <translation>Desestimada (PC 1203.4)</translation>
    </message>
    <message>
        <source>Pardon requested</source>
        <translation>Perdón solicitado</translation>
    </message>
    <message>
        <source>Court record</source>
        <translation>Expediente judicial</translation>
    </message>
    <message>
        <source>Discharge / completion</source>
        <translation>Constancia de cumplimiento</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Evidence of need</source>
        <translation>Comprobante de necesidad</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Escrita</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Personal service</source>
        <translation>Entrega en persona</translation>
    </message>
    <message>
        <source>First-class mail</source>
        <translation>Correo de primera clase</translation>
    </message>
    <message>
        <source>Certified mail</source>
        <translation>Correo certificado</translation>
    </message>
    <message>
        <source>Email (if the DA accepts it)</source>
        <translation>Correo electrónico (si la fiscalía lo acepta)</translation>
    </message>
    <message>
        <source>required</source>
        <translation type="vanished">obligatorio</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>Pagado a</translation>
    </message>
    <message>
        <source>Amount or gift</source>
        <translation>Cantidad o regalo</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation type="vanished">en el futuro</translation>
    </message>
    <message>
        <source>County DA</source>
        <translation>Fiscalía del condado</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de entrega</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Entregado por</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Years known</source>
        <translation>Años que lo conoce</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Fecha de la carta</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Fila %1, %2: %3</translation>
    </message>
    <message>
        <source>Write dates as YYYY-MM-DD, for example 2019-04-30.</source>
        <translation type="vanished">Escriba las fechas como AAAA-MM-DD, por ejemplo 2019-04-30.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Escriba un número entero.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Elija uno de los valores de la lista.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Reset a password</source>
        <translation>Restablecer una contraseña</translation>
    </message>
    <message>
        <source>Type the recovery key from the vault&apos;s printed recovery sheet, the user whose password was forgotten, and a new password for them.</source>
        <translation>Escriba la clave de recuperación de la hoja impresa de la bóveda, el usuario que olvidó su contraseña y una contraseña nueva para esa persona.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clave de recuperación:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>Re&amp;peat new password:</source>
        <translation>Re&amp;pita la contraseña nueva:</translation>
    </message>
    <message>
        <source>Type the recovery key and the user name.</source>
        <translation>Escriba la clave de recuperación y el nombre de usuario.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña nueva necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña nueva necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong recovery keys. Try again in %n second(s).</source>
        <translation type="vanished">
            <numerusform>Demasiadas claves de recuperación incorrectas. Vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiadas claves de recuperación incorrectas. Vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong recovery key or user name.</source>
        <translation>Clave de recuperación o nombre de usuario incorrectos.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>If every password is forgotten, this key is the only way into the vault. It is shown once. Print the recovery sheet and keep it somewhere locked, away from this computer.</source>
        <translation>Si se olvidan todas las contraseñas, esta clave es la única forma de entrar en la bóveda. Se muestra una sola vez. Imprima la hoja de recuperación y guárdela bajo llave, lejos de esta computadora.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Save recovery sheet (PDF) to print…</source>
        <translation>&amp;Guardar la hoja de recuperación (PDF) para imprimir…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and put it in a safe place</source>
        <translation>Imprimí o anoté la clave de recuperación y la guardé en un lugar seguro</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>Guardar hoja de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the sheet</source>
        <translation>No se pudo guardar la hoja</translation>
    </message>
    <message>
        <source>Could not save the sheet: %1</source>
        <translation type="vanished">No se pudo guardar la hoja: %1</translation>
    </message>
    <message>
        <source>Saved. Print it now, then delete the file: anyone with the key can open the vault.</source>
        <translation>Guardada. Imprímala ahora y luego borre el archivo: cualquiera que tenga la clave puede abrir la bóveda.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation>Restablecer una contraseña</translation>
    </message>
    <message>
        <source>Type the recovery key from the vault&apos;s printed recovery sheet and a new password for %1.</source>
        <translation>Escriba la clave de recuperación de la hoja impresa de la bóveda y una contraseña nueva para %1.</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clave de recuperación:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>Re&amp;peat new password:</source>
        <translation>Re&amp;pita la contraseña nueva:</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Escriba la clave de recuperación.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation type="vanished">
            <numerusform>La contraseña nueva necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña nueva necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="vanished">Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>Into a &amp;new vault folder</source>
        <translation>En una carpeta de bóveda &amp;nueva</translation>
    </message>
    <message>
        <source>&amp;Over this vault (the current vault is kept as a dated copy)</source>
        <translation>&amp;Sobre esta bóveda (la bóveda actual se guarda como copia con fecha)</translation>
    </message>
    <message>
        <source>New vault folder</source>
        <translation>Carpeta de la bóveda nueva</translation>
    </message>
    <message>
        <source>Manager user name for the restored vault</source>
        <translation>Usuario administrador de la bóveda restaurada</translation>
    </message>
    <message>
        <source>New manager password</source>
        <translation>Contraseña nueva del administrador</translation>
    </message>
    <message>
        <source>New manager password again</source>
        <translation>Repita la contraseña nueva del administrador</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Clave de recuperación nueva</translation>
    </message>
    <message>
        <source>&amp;Verify and restore</source>
        <translation>&amp;Verificar y restaurar</translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation>&amp;Archivo de copia:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>Car&amp;peta:</translation>
    </message>
    <message>
        <source>Staff passwords are not part of a backup. Choose the manager account for the restored vault and a new password; add the other staff again afterwards.</source>
        <translation>Las contraseñas del personal no van en la copia. Elija la cuenta de administrador de la bóveda restaurada y una contraseña nueva; después vuelva a agregar al resto del personal.</translation>
    </message>
    <message>
        <source>&amp;Manager name:</source>
        <translation>&amp;Usuario administrador:</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>&amp;Contraseña nueva:</translation>
    </message>
    <message>
        <source>A&amp;gain:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Elija una copia de seguridad</translation>
    </message>
    <message>
        <source>Clinic Intake backups (*{0});;All files (*)</source>
        <translation>Copias de Clinic Intake (*{0});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Folder for the restored vault</source>
        <translation>Carpeta para la bóveda restaurada</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Choose the backup file and a folder for the restored vault.</source>
        <translation>Elija el archivo de copia y una carpeta para la bóveda restaurada.</translation>
    </message>
    <message>
        <source>Verifying the backup, then restoring…</source>
        <translation>Verificando la copia y luego restaurando…</translation>
    </message>
    <message>
        <source>Restored the backup made {0}.</source>
        <translation>Se restauró la copia hecha el {0}.</translation>
    </message>
    <message>
        <source>The previous vault was kept as {0}.</source>
        <translation>La bóveda anterior se guardó como {0}.</translation>
    </message>
    <message>
        <source>Add these staff accounts again with new passwords: {0}</source>
        <translation>Vuelva a agregar estas cuentas del personal con contraseñas nuevas: {0}</translation>
    </message>
    <message>
        <source>New recovery key, shown once. Write it down or print it and keep it locked away:</source>
        <translation>Clave de recuperación nueva; se muestra una sola vez. Anótela o imprímala y guárdela bajo llave:</translation>
    </message>
</context>
<context>
    <name>RestrictedDataPanel</name>
    <message>
        <source>&amp;Show restricted values</source>
        <translation>&amp;Mostrar datos restringidos</translation>
    </message>
    <message>
        <source>Restricted values</source>
        <translation>Datos restringidos</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>&amp;Delete selected value</source>
        <translation>&amp;Borrar el dato seleccionado</translation>
    </message>
    <message>
        <source>&amp;Purge all restricted data of this matter</source>
        <translation>Borrar &amp;todos los datos restringidos de este caso</translation>
    </message>
    <message>
        <source>Record a purpose</source>
        <translation>Registrar una finalidad</translation>
    </message>
    <message>
        <source>Attorney work product (never in a packet)</source>
        <translation>Producto de trabajo del abogado (nunca va en un paquete)</translation>
    </message>
    <message>
        <source>The state profile requires it</source>
        <translation>Lo exige el perfil del estado</translation>
    </message>
    <message>
        <source>The client consented after advice</source>
        <translation>El cliente dio su consentimiento después de recibir asesoría</translation>
    </message>
    <message>
        <source>&amp;Record purpose</source>
        <translation>&amp;Registrar finalidad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Consentimiento dado el</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Enter a restricted value</source>
        <translation>Anotar un dato restringido</translation>
    </message>
    <message>
        <source>Restricted value</source>
        <translation>Dato restringido</translation>
    </message>
    <message>
        <source>&amp;Store value</source>
        <translation>&amp;Guardar dato</translation>
    </message>
    <message numerus="yes">
        <source>Restricted data exists for this matter: %n values (%1).</source>
        <translation>
            <numerusform>Este caso tiene datos restringidos: %n dato (%1).</numerusform>
            <numerusform>Este caso tiene datos restringidos: %n datos (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restricted data exists for this matter: %n value(s) (%1).</source>
        <translation type="vanished">
            <numerusform>Este caso tiene datos restringidos: %n dato (%1).</numerusform>
            <numerusform>Este caso tiene datos restringidos: %n datos (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>No restricted data is kept for this matter.</source>
        <translation>No se guardan datos restringidos de este caso.</translation>
    </message>
    <message>
        <source>Keep immigration facts only with a purpose and the client&apos;s consent. This matter&apos;s state profile needs: %1.</source>
        <translation>Guarde datos migratorios solo con una finalidad y con el consentimiento del cliente. El perfil del estado de este caso pide: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Only an attorney can see or enter restricted facts.</source>
        <translation>Solo un abogado puede ver o anotar datos restringidos.</translation>
    </message>
    <message>
        <source>Immigration status</source>
        <translation type="vanished">Situación migratoria</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation type="vanished">Ciudadanía</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation type="vanished">Número A (A-number)</translation>
    </message>
    <message>
        <source>Place or country of birth</source>
        <translation type="vanished">Lugar o país de nacimiento</translation>
    </message>
    <message>
        <source>Social Security number</source>
        <translation type="vanished">Número de Seguro Social</translation>
    </message>
    <message>
        <source>Immigration court (hearing dates, detention)</source>
        <translation type="vanished">Corte de inmigración (audiencias, detención)</translation>
    </message>
    <message>
        <source>Attorney&apos;s immigration analysis</source>
        <translation type="vanished">Análisis migratorio del abogado</translation>
    </message>
    <message>
        <source>&amp;Hide restricted values</source>
        <translation>&amp;Ocultar datos restringidos</translation>
    </message>
    <message>
        <source>Record a purpose for this category first.</source>
        <translation>Primero registre una finalidad para esta categoría.</translation>
    </message>
    <message>
        <source>Show the values and select one first.</source>
        <translation>Primero muestre los datos y seleccione uno.</translation>
    </message>
    <message>
        <source>Purge restricted data</source>
        <translation>Borrar datos restringidos</translation>
    </message>
    <message>
        <source>Delete every restricted fact and purpose of this matter now? This cannot be undone.</source>
        <translation>¿Borrar ahora todos los datos restringidos y finalidades de este caso? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Check the answers, then press Save intake. You can go back to change anything.</source>
        <translation>Revise las respuestas y luego pulse «Guardar admisión». Puede volver atrás para cambiar lo que quiera.</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsDialog</name>
    <message>
        <source>Security settings</source>
        <translation>Ajustes de seguridad</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras estos minutos sin actividad</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clear copied fields after seconds</source>
        <translation>Borrar lo copiado tras estos segundos</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Bloquear sin actividad tras:</translation>
    </message>
    <message>
        <source>&amp;Clear copied fields after:</source>
        <translation>Borrar lo &amp;copiado tras:</translation>
    </message>
</context>
<context>
    <name>SendToClinicDialog</name>
    <message>
        <source>Send to clinic</source>
        <translation>Enviar a la clínica</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s &amp;key file…</source>
        <translation>Elegir el archivo de &amp;clave de la clínica…</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s key &amp;file…</source>
        <translation>&amp;Guardar el archivo de clave de esta computadora…</translation>
    </message>
    <message>
        <source>A folder or a removable drive</source>
        <translation>Una carpeta o una unidad extraíble</translation>
    </message>
    <message>
        <source>Folder to write the bundle to</source>
        <translation>Carpeta donde escribir el lote</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Keep the sent clients on this laptop</source>
        <translation type="vanished">&amp;Conservar en esta computadora los clientes enviados</translation>
    </message>
    <message>
        <source>Keep the sent clients on this &amp;laptop</source>
        <translation>C&amp;onservar en esta computadora los clientes enviados</translation>
    </message>
    <message>
        <source>Off: once the bundle is written, the clients are removed from this laptop.</source>
        <translation>Desactivado: una vez escrito el lote, los clientes se quitan de esta computadora.</translation>
    </message>
    <message>
        <source>&amp;Seal and send</source>
        <translation>&amp;Sellar y enviar</translation>
    </message>
    <message>
        <source>&amp;Write the bundle to:</source>
        <translation>Escribir el &amp;lote en:</translation>
    </message>
    <message>
        <source>This laptop is not set up to send to a clinic yet. A manager chooses the key file the clinic gave them.</source>
        <translation>Esta computadora todavía no está preparada para enviar a una clínica. Un administrador elige el archivo de clave que le dio la clínica.</translation>
    </message>
    <message>
        <source>the clinic</source>
        <translation>la clínica</translation>
    </message>
    <message>
        <source>Intakes are sealed for %1 (key %2). Once sealed, this laptop cannot open them again; only the clinic can.</source>
        <translation>Las admisiones se sellan para %1 (clave %2). Una vez selladas, esta computadora ya no puede abrirlas; solo la clínica puede.</translation>
    </message>
    <message>
        <source>This laptop&apos;s fingerprint is %1. The clinic&apos;s manager enrols this laptop with its key file, comparing this fingerprint; bundles from a laptop nobody enrolled are held at the clinic.</source>
        <translation>La huella de esta computadora es %1. El administrador de la clínica inscribe esta computadora con su archivo de clave, comparando esta huella; los lotes de una computadora que nadie inscribió quedan retenidos en la clínica.</translation>
    </message>
    <message numerus="yes">
        <source>%n clients on this laptop will be sent.</source>
        <translation>
            <numerusform>Se enviará %n cliente de esta computadora.</numerusform>
            <numerusform>Se enviarán %n clientes de esta computadora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save this laptop&apos;s key file</source>
        <translation>Guardar el archivo de clave de esta computadora</translation>
    </message>
    <message>
        <source>Laptop key files (*.laptopkey)</source>
        <translation>Archivos de clave de computadora (*.laptopkey)</translation>
    </message>
    <message>
        <source>Saved this laptop&apos;s key file: %1. Take it to the clinic&apos;s manager.</source>
        <translation>Se guardó el archivo de clave de esta computadora: %1. Llévelo al administrador de la clínica.</translation>
    </message>
    <message numerus="yes">
        <source>Sealed %n clients into %1.</source>
        <translation>
            <numerusform>Se selló %n cliente en %1.</numerusform>
            <numerusform>Se sellaron %n clientes en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) on this laptop will be sent.</source>
        <translation type="vanished">
            <numerusform>Se enviará %n cliente de esta computadora.</numerusform>
            <numerusform>Se enviarán %n clientes de esta computadora.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no clients on this laptop to send.</source>
        <translation>No hay clientes en esta computadora para enviar.</translation>
    </message>
    <message>
        <source>Folder or drive for the bundle</source>
        <translation>Carpeta o unidad para el lote</translation>
    </message>
    <message>
        <source>The clinic&apos;s key file</source>
        <translation>El archivo de clave de la clínica</translation>
    </message>
    <message>
        <source>Clinic key files (*.clinickey)</source>
        <translation>Archivos de clave de clínica (*.clinickey)</translation>
    </message>
    <message>
        <source>Trust this clinic key?</source>
        <translation>¿Confiar en esta clave de clínica?</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint is

%1

Does it match what the clinic read to you?</source>
        <translation>La huella de la clave es

%1

¿Coincide con la que le leyó la clínica?</translation>
    </message>
    <message>
        <source>Choose a folder or a removable drive that exists.</source>
        <translation>Elija una carpeta o una unidad extraíble que exista.</translation>
    </message>
    <message numerus="yes">
        <source>Sealed %n client(s) into %1.</source>
        <translation type="vanished">
            <numerusform>Se selló %n cliente en %1.</numerusform>
            <numerusform>Se sellaron %n clientes en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>They were removed from this laptop.</source>
        <translation>Se quitaron de esta computadora.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written and nothing removed.</source>
        <translation>Cancelado: no se escribió ni se quitó nada.</translation>
    </message>
</context>
<context>
    <name>StatusCombo</name>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Notices served</source>
        <translation>Avisos entregados</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>&amp;Save tasks</source>
        <translation>&amp;Guardar tareas</translation>
    </message>
    <message>
        <source>Give every task a title first.</source>
        <translation>Primero ponga un título a cada tarea.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Forgot &amp;the password?</source>
        <translation>¿&amp;Olvidó la contraseña?</translation>
    </message>
    <message>
        <source>&amp;Forgot the password?</source>
        <translation type="vanished">¿&amp;Olvidó la contraseña?</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. You can try again in %n seconds.</source>
        <translation>
            <numerusform>Demasiadas contraseñas incorrectas. Puede volver a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiadas contraseñas incorrectas. Puede volver a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. You can try again in %n second(s).</source>
        <translation type="vanished">
            <numerusform>Demasiadas contraseñas incorrectas. Puede volver a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiadas contraseñas incorrectas. Puede volver a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="vanished">Nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>The vault is open in another Clinic Intake window. Close it first.</source>
        <translation type="vanished">La bóveda está abierta en otra ventana de Clinic Intake. Ciérrela primero.</translation>
    </message>
</context>
<context>
    <name>UserDetailsDialog</name>
    <message>
        <source>Name and bar number</source>
        <translation>Nombre y número de colegiado</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Cargo:</translation>
    </message>
    <message>
        <source>State &amp;Bar number:</source>
        <translation>Número del State &amp;Bar:</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Falta la guía de uso en esta instalación.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>State Bar no.</source>
        <translation>N.º State Bar</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Cambiar r&amp;ol…</translation>
    </message>
    <message>
        <source>&amp;Name and bar number…</source>
        <translation>&amp;Nombre y número de colegiado…</translation>
    </message>
    <message>
        <source>R&amp;eset password…</source>
        <translation>R&amp;establecer contraseña…</translation>
    </message>
    <message>
        <source>Re&amp;move user…</source>
        <translation>&amp;Quitar usuario…</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>Elija primero un usuario de la lista.</translation>
    </message>
    <message>
        <source>Managers can change anyone&apos;s name and bar number; others only their own.</source>
        <translation>Los administradores pueden cambiar el nombre y el número de cualquiera; los demás, solo los suyos.</translation>
    </message>
    <message>
        <source>This version of the vault has no names or bar numbers for users yet.</source>
        <translation type="vanished">Esta versión de la bóveda aún no guarda nombres ni números de colegiado de los usuarios.</translation>
    </message>
    <message>
        <source>You can see who has an account. Only a clinic manager can add, remove or change users.</source>
        <translation>Puede ver quién tiene cuenta. Solo un administrador de la clínica puede agregar, quitar o cambiar usuarios.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Se agregó a %1.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>Role for %1:</source>
        <translation>Rol de %1:</translation>
    </message>
    <message>
        <source>%1: role changed to %2.</source>
        <translation>%1: el rol cambió a %2.</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 tiene una contraseña nueva.</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Quitar usuario</translation>
    </message>
    <message>
        <source>Remove %1?

Their password will no longer open the vault: the app makes a new vault key and seals it again for every remaining user and for the recovery key. This takes a moment; everyone else keeps their password. Backups made before now still open with the passwords they were made with, so keep them as safe as the vault.</source>
        <translation>¿Quitar a %1?

Su contraseña dejará de abrir la bóveda: la aplicación crea una clave nueva de la bóveda y la sella otra vez para cada usuario restante y para la clave de recuperación. Tarda un momento; los demás conservan su contraseña. Las copias de seguridad anteriores se siguen abriendo con las contraseñas con las que se hicieron, así que guárdelas con tanto cuidado como la bóveda.</translation>
    </message>
    <message>
        <source>Removed %1; the vault key was changed.</source>
        <translation>Se quitó a %1; se cambió la clave de la bóveda.</translation>
    </message>
</context>
<context>
    <name>VaultCheckDialog</name>
    <message>
        <source>Check the vault</source>
        <translation>Comprobar la bóveda</translation>
    </message>
    <message>
        <source>Checking the encryption, the database, the audit log and the key slots…</source>
        <translation>Comprobando el cifrado, la base de datos, el registro de auditoría y las ranuras de clave…</translation>
    </message>
    <message>
        <source>No problems found. The check is recorded in the audit log.</source>
        <translation>No se encontró ningún problema. La comprobación queda anotada en el registro de auditoría.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems found; see the lines below. A clinic manager decides what to do: most are fixed by restoring the latest backup made before the problem (Tools ▸ Restore a backup).</source>
        <translation>
            <numerusform>Se encontró %n problema; vea las líneas de abajo. Un administrador de la clínica decide qué hacer: casi siempre se resuelve restaurando la copia de seguridad más reciente anterior al problema (Herramientas ▸ Restaurar una copia de seguridad).</numerusform>
            <numerusform>Se encontraron %n problemas; vea las líneas de abajo. Un administrador de la clínica decide qué hacer: casi siempre se resuelven restaurando la copia de seguridad más reciente anterior al problema (Herramientas ▸ Restaurar una copia de seguridad).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultNotices</name>
    <message>
        <source>A copy of the vault&apos;s key file ({file}) is damaged.</source>
        <translation>Una copia del archivo de claves de la bóveda ({file}) está dañada.</translation>
    </message>
    <message>
        <source>A copy of the vault&apos;s key file ({file}) is missing.</source>
        <translation>Falta una copia del archivo de claves de la bóveda ({file}).</translation>
    </message>
    <message>
        <source>A copy of the vault&apos;s key file ({file}) was damaged or missing; the app rewrote it from the other, intact copy.</source>
        <translation>Una copia del archivo de claves de la bóveda ({file}) estaba dañada o faltaba; la aplicación la volvió a escribir a partir de la otra copia, que está intacta.</translation>
    </message>
    <message>
        <source>“{username}” was added outside the app: no manager signed this account. Unless you know who added it, remove it in Clinic ▸ Users.</source>
        <translation>«{username}» se agregó fuera de la aplicación: ningún administrador firmó esta cuenta. Salvo que sepa quién la agregó, quítela en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>The role of “{username}” was changed outside the app: a manager signed it as {signed_role}, the vault now says {role}. Set the right role in Clinic ▸ Users.</source>
        <translation>El rol de «{username}» se cambió fuera de la aplicación: un administrador lo firmó como {signed_role} y la bóveda ahora dice {role}. Asigne el rol correcto en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>The key slot of “{username}” was replaced or removed outside the app, so that account cannot open the vault. Reset its password in Clinic ▸ Users (with the recovery key).</source>
        <translation>La ranura de clave de «{username}» se reemplazó o se quitó fuera de la aplicación, así que esa cuenta no puede abrir la bóveda. Restablezca su contraseña en Clínica ▸ Usuarios (con la clave de recuperación).</translation>
    </message>
    <message>
        <source>“{username}” was deleted outside the app. Restore the latest backup from before the change (Tools ▸ Restore a backup), or add the account again in Clinic ▸ Users.</source>
        <translation>«{username}» se eliminó fuera de la aplicación. Restaure la copia de seguridad más reciente anterior al cambio (Herramientas ▸ Restaurar una copia de seguridad) o vuelva a agregar la cuenta en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>An older copy of the list of accounts and roles (version {version}) was put back; you have already seen version {seen}. Redo the latest changes in Clinic ▸ Users, or restore the latest backup (Tools ▸ Restore a backup).</source>
        <translation>Se volvió a poner una copia anterior de la lista de cuentas y roles (versión {version}); usted ya vio la versión {seen}. Rehaga los últimos cambios en Clínica ▸ Usuarios o restaure la copia de seguridad más reciente (Herramientas ▸ Restaurar una copia de seguridad).</translation>
    </message>
    <message>
        <source>The key file kept from the backup held a key for this account that nobody entitled to it had sealed: it was changed outside the app. The app did not use it.</source>
        <translation>El archivo de claves conservado de la copia de seguridad tenía una clave para esta cuenta que no selló nadie con derecho a ella: se cambió fuera de la aplicación. La aplicación no la usó.</translation>
    </message>
    <message>
        <source>A file asking to remove {users} from the vault was written outside the app: no manager signed that removal, so the app did not carry it out. Find out who had access to this computer; a manager removes accounts in Clinic ▸ Users.</source>
        <translation>Un archivo que pide quitar a {users} de la bóveda se escribió fuera de la aplicación: ningún administrador firmó esa baja, así que la aplicación no la hizo. Averigüe quién tuvo acceso a esta computadora; un administrador quita cuentas en Clínica ▸ Usuarios.</translation>
    </message>
    <message>
        <source>The key file kept from the backup this vault was restored from ({file}) is damaged, so keys held in the backed-up vault (such as the attorneys&apos; key to restricted facts) cannot be brought back from it. Restricted facts written before the restore may stay unreadable: restore the backup again into a new folder (Tools ▸ Restore a backup) to get the file back.</source>
        <translation>El archivo de claves conservado de la copia de seguridad de la que se restauró esta bóveda ({file}) está dañado, así que las claves de la bóveda respaldada (como la clave de los abogados para los datos restringidos) no se pueden recuperar de él. Los datos restringidos escritos antes de la restauración pueden quedar ilegibles: restaure la copia otra vez en una carpeta nueva (Herramientas ▸ Restaurar una copia de seguridad) para recuperar el archivo.</translation>
    </message>
    <message>
        <source>The number of days restricted facts are kept after a matter is filed or closed was changed outside the app: no manager signed that value. Until a manager sets it again (Tools ▸ Privacy report, retention days), the app purges nothing automatically after filing or closing; purposes that expire are still purged.</source>
        <translation>El número de días que se conservan los datos restringidos después de presentar o cerrar un caso se cambió fuera de la aplicación: ningún administrador firmó ese valor. Hasta que un administrador lo fije de nuevo (Herramientas ▸ Informe de privacidad, días de conservación), la aplicación no purga nada automáticamente después de presentar o cerrar; los propósitos que vencen se siguen purgando.</translation>
    </message>
    <message>
        <source>Your account&apos;s copy of a key of your role (for an attorney, the key to restricted facts) was not the vault&apos;s current one: an older copy was put back, or it was sealed by someone not entitled to it. The app did not use it, so nothing you write goes under it. The current key is sealed to you again the next time another holder logs in (if you are the only attorney, reset your password with the recovery key). Find out who had access to this computer.</source>
        <translation>La copia de su cuenta de una clave de su función (para un abogado, la clave de los datos restringidos) no era la actual de la bóveda: se repuso una copia anterior o la selló alguien sin derecho a ella. La aplicación no la usó, así que nada de lo que escriba queda bajo ella. La clave actual se le vuelve a sellar la próxima vez que inicie sesión otra persona que la tenga (si usted es el único abogado, restablezca su contraseña con la clave de recuperación). Averigüe quién tuvo acceso a esta computadora.</translation>
    </message>
    <message>
        <source>Your password was reset with a recovery key that does not carry every key of your role yet (for an attorney, the key to restricted facts). Nothing is lost: another attorney holds it and it is shared with you the next time they log in. Until then, restricted facts stay closed to you.</source>
        <translation>Su contraseña se restableció con una clave de recuperación que todavía no lleva todas las claves de su función (para un abogado, la clave de los datos restringidos). No se pierde nada: otro abogado la tiene y se le compartirá la próxima vez que inicie sesión. Hasta entonces, los datos restringidos siguen cerrados para usted.</translation>
    </message>
    <message>
        <source>Automatic backups were turned off outside the app: no manager signed that. The app goes on making them every time it closes; a manager turns them off in Tools ▸ Backup.</source>
        <translation>Las copias de seguridad automáticas se desactivaron fuera de la aplicación: ningún administrador lo firmó. La aplicación las sigue haciendo cada vez que se cierra; un administrador las desactiva en Herramientas ▸ Copia de seguridad.</translation>
    </message>
    <message>
        <source>The folder for automatic backups is not the one a manager signed: it was changed outside the app, or set with an older version of the app or before a restore or a password reset. Automatic backups go to {folder} until a manager sets the folder again (Tools ▸ Backup).</source>
        <translation>La carpeta de las copias de seguridad automáticas no es la que firmó un administrador: se cambió fuera de la aplicación, o se fijó con una versión anterior de la aplicación o antes de una restauración o de un restablecimiento de contraseña. Las copias automáticas van a {folder} hasta que un administrador fije la carpeta de nuevo (Herramientas ▸ Copia de seguridad).</translation>
    </message>
    <message>
        <source>The letterhead (clinic name, address, phone, email) is not the one a manager signed: it was changed outside the app, or set with an older version of the app or before a restore or a password reset. Packets print the letterhead a manager signed; where there is none, final packets are refused. Check the letterhead in Clinic ▸ Clinic settings and save it.</source>
        <translation>El membrete (nombre, dirección, teléfono y correo de la clínica) no es el que firmó un administrador: se cambió fuera de la aplicación, o se fijó con una versión anterior de la aplicación o antes de una restauración o de un restablecimiento de contraseña. Los paquetes imprimen el membrete que firmó un administrador; donde no lo hay, se rechazan los paquetes finales. Revise el membrete en Clínica ▸ Ajustes de la clínica y guárdelo.</translation>
    </message>
    <message>
        <source>Settings a manager must set again</source>
        <translation>Ajustes que un administrador debe fijar de nuevo</translation>
    </message>
    <message>
        <source>The folder for automatic backups was changed outside the app, or set with an older version of the app: no manager signed it. Automatic backups go to {folder} until a manager sets the folder again (Tools ▸ Backup).</source>
        <translation type="vanished">La carpeta de las copias de seguridad automáticas se cambió fuera de la aplicación, o se fijó con una versión anterior de la aplicación: ningún administrador la firmó. Las copias automáticas van a {folder} hasta que un administrador fije la carpeta de nuevo (Herramientas ▸ Copia de seguridad).</translation>
    </message>
    <message>
        <source>The letterhead (clinic name, address, phone, email) was changed outside the app, or set with an older version of the app: no manager signed it. Packets print the letterhead a manager signed; where there is none, final packets are refused. Check the letterhead in Clinic ▸ Clinic settings and save it.</source>
        <translation type="vanished">El membrete (nombre, dirección, teléfono y correo de la clínica) se cambió fuera de la aplicación, o se fijó con una versión anterior de la aplicación: ningún administrador lo firmó. Los paquetes imprimen el membrete que firmó un administrador; donde no lo hay, se rechazan los paquetes finales. Revise el membrete en Clínica ▸ Ajustes de la clínica y guárdelo.</translation>
    </message>
    <message>
        <source>Restricted purposes whose expiry was changed outside the app, not as an attorney signed it: {count}. The app keeps to the expiry the attorney set, so those facts are purged on that date, neither sooner nor later. Find out who had access to this computer.</source>
        <translation>Propósitos restringidos cuyo vencimiento se cambió fuera de la aplicación, no como lo firmó un abogado: {count}. La aplicación se atiene al vencimiento que fijó el abogado, así que esos datos se purgan en esa fecha, ni antes ni después. Averigüe quién tuvo acceso a esta computadora.</translation>
    </message>
    <message>
        <source>A restore of a backup over this vault was interrupted before it was done. The vault is as it was before that restore; nothing in it was lost. Restore the backup again if you still want it (Tools ▸ Restore a backup).</source>
        <translation>Una restauración de una copia de seguridad sobre esta bóveda se interrumpió antes de terminar. La bóveda está como estaba antes de esa restauración; no se perdió nada. Restaure la copia de nuevo si todavía la quiere (Herramientas ▸ Restaurar una copia de seguridad).</translation>
    </message>
    <message>
        <source>A restore of a backup over this vault was interrupted as it ended. The restored vault is in place (the previous one is kept beside it as {previous}), but its new recovery key was never shown, so nobody has it. Before any work, a manager makes a new recovery key (Clinic ▸ New recovery key) and keeps the key it shows.</source>
        <translation>Una restauración de una copia de seguridad sobre esta bóveda se interrumpió al terminar. La bóveda restaurada está en su lugar (la anterior se conserva al lado como {previous}), pero su nueva clave de recuperación nunca se mostró, así que nadie la tiene. Antes de trabajar, un gerente crea una nueva clave de recuperación (Clínica ▸ Nueva clave de recuperación) y guarda la clave que muestre.</translation>
    </message>
    <message>
        <source>An interrupted restore</source>
        <translation>Una restauración interrumpida</translation>
    </message>
    <message>
        <source>Meanwhile the app keeps to what a manager signed, as each line says. Unless someone set these with an older version of the app, the vault&apos;s files were changed directly: find out who had access to this computer.</source>
        <translation type="vanished">Mientras tanto, la aplicación se atiene a lo que firmó un administrador, como dice cada línea. Salvo que alguien los fijara con una versión anterior de la aplicación, los archivos de la bóveda se cambiaron directamente: averigüe quién tuvo acceso a esta computadora.</translation>
    </message>
    <message>
        <source>The audit log now ends at entry {count}, but you saw entry {seen} when you last locked the vault: entries were deleted outside the app.</source>
        <translation>El registro de auditoría ahora termina en la entrada {count}, pero usted vio la entrada {seen} la última vez que bloqueó la bóveda: se eliminaron entradas fuera de la aplicación.</translation>
    </message>
    <message>
        <source>Audit entry {seq} is not the one you saw when you last locked the vault: entries were deleted or rewritten outside the app.</source>
        <translation>La entrada de auditoría {seq} no es la que usted vio la última vez que bloqueó la bóveda: se eliminaron o reescribieron entradas fuera de la aplicación.</translation>
    </message>
    <message>
        <source>Audit entry {seq} is in the name of “{username}” but is not signed with their key: it was written or changed outside the app.</source>
        <translation>La entrada de auditoría {seq} está a nombre de «{username}» pero no está firmada con su clave: se escribió o se cambió fuera de la aplicación.</translation>
    </message>
    <message>
        <source>The signed list of accounts and roles was changed or damaged outside the app, so no role can be trusted from it. Restore the latest backup from before the change (Tools ▸ Restore a backup).</source>
        <translation>La lista firmada de cuentas y roles se cambió o se dañó fuera de la aplicación, así que no se puede confiar en ningún rol de ella. Restaure la copia de seguridad más reciente anterior al cambio (Herramientas ▸ Restaurar una copia de seguridad).</translation>
    </message>
    <message>
        <source>Something was changed outside the app (“{0}”, which this version of the app cannot put into words).</source>
        <translation>Algo se cambió fuera de la aplicación («{0}», que esta versión de la aplicación no sabe expresar con palabras).</translation>
    </message>
    <message>
        <source>Something was changed outside the app: {detail}</source>
        <translation type="vanished">Algo se cambió fuera de la aplicación: {detail}</translation>
    </message>
    <message>
        <source>The vault&apos;s key file was repaired</source>
        <translation>Se reparó el archivo de claves de la bóveda</translation>
    </message>
    <message>
        <source>Accounts and roles were changed outside the app</source>
        <translation>Se cambiaron cuentas y roles fuera de la aplicación</translation>
    </message>
    <message>
        <source>Clinic settings were changed outside the app</source>
        <translation type="vanished">Se cambiaron ajustes de la clínica fuera de la aplicación</translation>
    </message>
    <message>
        <source>The audit log was cut or rewritten</source>
        <translation>El registro de auditoría se recortó o se reescribió</translation>
    </message>
    <message>
        <source>Nothing was lost. Damage like this can mean a failing disk: make a backup now (Tools ▸ Backup), and if this message comes back, have the disk checked.</source>
        <translation>No se perdió nada. Un daño así puede indicar que el disco está fallando: haga ahora una copia de seguridad (Herramientas ▸ Copia de seguridad) y, si este mensaje vuelve a aparecer, haga revisar el disco.</translation>
    </message>
    <message>
        <source>Nothing was lost. Damage like this can mean a failing disk: tell a clinic manager, so that they make a backup and have the disk checked.</source>
        <translation>No se perdió nada. Un daño así puede indicar que el disco está fallando: avise a un administrador de la clínica para que haga una copia de seguridad y revise el disco.</translation>
    </message>
    <message>
        <source>If no manager made these changes in the app, someone changed the vault&apos;s files directly. For the full report, run Clinic ▸ Check the vault.</source>
        <translation>Si ningún administrador hizo estos cambios en la aplicación, alguien cambió directamente los archivos de la bóveda. Para el informe completo, use Clínica ▸ Comprobar la bóveda.</translation>
    </message>
    <message>
        <source>Set each one again where its line says; until then the app keeps to what a manager signed. Unless these were set with an older version of the app or before a restore or a password reset, the vault&apos;s files were changed directly: find out who had access to this computer.</source>
        <translation>Fije cada uno de nuevo donde indica su línea; mientras tanto, la aplicación se atiene a lo que firmó un administrador. Salvo que se fijaran con una versión anterior de la aplicación o antes de una restauración o de un restablecimiento de contraseña, los archivos de la bóveda se cambiaron directamente: averigüe quién tuvo acceso a esta computadora.</translation>
    </message>
    <message>
        <source>The log cannot be put back from here, and older backups still hold the lost entries. Keep this vault as it is, make a backup of it now as evidence (Tools ▸ Backup), and find out who had access to this computer. For the full report, run Clinic ▸ Check the vault.</source>
        <translation>El registro no se puede recuperar desde aquí, y las copias de seguridad anteriores aún conservan las entradas perdidas. Deje esta bóveda como está, haga ahora una copia de seguridad como prueba (Herramientas ▸ Copia de seguridad) y averigüe quién tuvo acceso a esta computadora. Para el informe completo, use Clínica ▸ Comprobar la bóveda.</translation>
    </message>
    <message>
        <source>If no manager made these changes in the app, someone changed the vault&apos;s files directly. For the full report, close the app and run “clinic-app vault check”.</source>
        <translation type="vanished">Si ningún administrador hizo estos cambios en la aplicación, alguien cambió directamente los archivos de la bóveda. Para el informe completo, cierre la aplicación y ejecute «clinic-app vault check».</translation>
    </message>
    <message>
        <source>The log cannot be put back from here, and older backups still hold the lost entries. Keep this vault as it is, make a backup of it now as evidence (Tools ▸ Backup), and find out who had access to this computer. For the full report, close the app and run “clinic-app vault check”.</source>
        <translation type="vanished">El registro no se puede recuperar desde aquí, y las copias de seguridad anteriores aún conservan las entradas perdidas. Deje esta bóveda como está, haga ahora una copia de seguridad como prueba (Herramientas ▸ Copia de seguridad) y averigüe quién tuvo acceso a esta computadora. Para el informe completo, cierre la aplicación y ejecute «clinic-app vault check».</translation>
    </message>
    <message>
        <source>While opening the vault, the app found that the list of accounts and roles was changed outside it. Tell a clinic manager today; they see what changed, and what to do, when they sign in.</source>
        <translation>Al abrir la bóveda, la aplicación encontró que la lista de cuentas y roles se cambió fuera de ella. Avise hoy a un administrador de la clínica; al iniciar sesión verá qué cambió y qué hacer.</translation>
    </message>
    <message>
        <source>While opening the vault, the app found that its audit log was cut or rewritten outside it. Tell a clinic manager today; they see what changed, and what to do, when they sign in.</source>
        <translation>Al abrir la bóveda, la aplicación encontró que su registro de auditoría se recortó o se reescribió fuera de ella. Avise hoy a un administrador de la clínica; al iniciar sesión verá qué cambió y qué hacer.</translation>
    </message>
</context>
<context>
    <name>VaultNoticesDialog</name>
    <message>
        <source>Problems found while opening the vault</source>
        <translation>Problemas encontrados al abrir la bóveda</translation>
    </message>
    <message>
        <source>The vault is open. While opening it, the app found the following; someone must act on it:</source>
        <translation>La bóveda está abierta. Al abrirla, la aplicación encontró lo siguiente; alguien debe ocuparse de ello:</translation>
    </message>
    <message>
        <source>The vault is open and your work is safe to continue, but someone must act on the following:</source>
        <translation type="vanished">La bóveda está abierta y puede seguir trabajando con seguridad, pero alguien debe ocuparse de lo siguiente:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Qué hacer:</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <source>paralegal</source>
        <translation>asistente legal</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation>abogado</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>Only a clinic manager can do this.</source>
        <translation>Solo un administrador de la clínica puede hacer esto.</translation>
    </message>
    <message>
        <source>Only an attorney can do this.</source>
        <translation>Solo un abogado puede hacer esto.</translation>
    </message>
    <message>
        <source>Only an attorney or a clinic manager can do this.</source>
        <translation>Solo un abogado o un administrador de la clínica puede hacer esto.</translation>
    </message>
</context>
<context>
    <name>state</name>
    <message>
        <source>California</source>
        <translation>California</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>Nueva York</translation>
    </message>
</context>
</TS>
