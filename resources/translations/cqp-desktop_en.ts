<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="31"/>
        <source>À propos de cqp-desktop</source>
        <translation>About cqp-desktop</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="46"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="49"/>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="54"/>
        <source>Données : {folder}
Python {python} · Qt {qt} · PySide6 {pyside}
Police des PDF : DejaVu Sans (licence Bitstream Vera). Fonctionne entièrement hors ligne.</source>
        <translation>Data: {folder}
Python {python} · Qt {qt} · PySide6 {pyside}
PDF font: DejaVu Sans (Bitstream Vera licence). Works entirely offline.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="69"/>
        <source>{title}
Identifiant {id} · version {version}
Valable du {start} au {end}
Empreinte :
{hash}</source>
        <translation>{title}
Identifier {id} · version {version}
Valid from {start} to {end}
Fingerprint:
{hash}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="81"/>
        <source>⚠ {notice}. Les épreuves déjà planifiées gardent leur propre référentiel.</source>
        <translation>⚠ {notice}. Assessments already planned keep their own référentiel.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/about_dialog.py" line="87"/>
        <source>✔ Critères officiels du référentiel d&apos;évaluation.</source>
        <translation>✔ Official criteria of the assessment référentiel.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="12"/>
        <source>cqp-desktop</source>
        <translation>cqp-desktop</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="14"/>
        <source>Application hors ligne des jurys professionnels des CQP Conseiller offres de services (COS) et Gestionnaire conseil (GC) de la Sécurité sociale.</source>
        <translation>Offline application for the professional juries of the Social Security CQP &quot;Conseiller offres de services&quot; (COS) and &quot;Gestionnaire conseil&quot; (GC).</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="21"/>
        <source>Référentiel actif (nouvelles épreuves)</source>
        <translation>Active référentiel (new assessments)</translation>
    </message>
</context>
<context>
    <name>AvisDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="70"/>
        <source>Avis du jury — bloc {bloc}</source>
        <translation>Jury opinion — block {bloc}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="107"/>
        <source>Phrase secrète du signataire</source>
        <translation>Signer&apos;s passphrase</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="108"/>
        <source>Pourquoi l&apos;avis signé est-il corrigé ?</source>
        <translation>Why is the signed opinion being corrected?</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="110"/>
        <source>Pourquoi l&apos;avis du jury diffère-t-il du résultat calculé ?</source>
        <translation>Why does the jury&apos;s opinion differ from the computed result?</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="113"/>
        <source>Suites conseillées au candidat : formation, mise en situation, nouvelle épreuve…</source>
        <translation>Advice for the candidate: training, practice, new assessment…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="119"/>
        <source>Signature manuscrite</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="169"/>
        <source>Commentaire sur {code}</source>
        <translation>Comment on {code}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="191"/>
        <source>Avis du jury — PRÉ-POSITIONNEMENT, non certifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="191"/>
        <source>Avis du jury professionnel</source>
        <translation type="unfinished">Professional jury&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="194"/>
        <source>{first} {last} — {organisme} — CQP {cert}, bloc {bloc} ({title}) — épreuve du {date}</source>
        <translation>{first} {last} — {organisme} — CQP {cert}, block {bloc} ({title}) — assessment of {date}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="228"/>
        <source>acquise</source>
        <translation>acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="228"/>
        <source>non acquise</source>
        <translation>not acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="238"/>
        <source>&lt;b&gt;Reste à faire avant de signer :&lt;/b&gt;</source>
        <translation>&lt;b&gt;Still to do before signing:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="240"/>
        <source>… et {n} autre(s) point(s)</source>
        <translation>… and {n} more item(s)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="244"/>
        <source>Tous les critères sont décidés ; le jury est complet.</source>
        <translation>Every criterion is decided; the jury is complete.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="275"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="343"/>
        <source>Avis signé ; aucune autre signature attendue.</source>
        <translation>Opinion signed; no other signature expected.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="286"/>
        <source>Motif de la correction obligatoire</source>
        <translation>Reason for the correction required</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="291"/>
        <source>{name} n&apos;a pas d&apos;identité de signature sur ce poste (menu Jury)</source>
        <translation>{name} has no signing identity on this computer (Jury menu)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="296"/>
        <source>Signature manuscrite à tracer dans le cadre</source>
        <translation>Draw the handwritten signature in the box</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="298"/>
        <source>Phrase secrète à saisir</source>
        <translation>Enter the passphrase</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="315"/>
        <source>validé</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="315"/>
        <source>non validé</source>
        <translation>not passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="318"/>
        <source>L&apos;avis s&apos;écarte du résultat calculé (bloc {computed} selon les règles) : une justification écrite est obligatoire et l&apos;écart sera signalé sur tous les documents.</source>
        <translation>The opinion departs from the computed result (block {computed} according to the rules): a written justification is required and the departure will be shown on every document.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="322"/>
        <source>Avis différent du résultat calculé (bloc {computed} selon les règles) : écart justifié ci-dessous.</source>
        <translation>Opinion differs from the computed result (block {computed} according to the rules): justified below.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="326"/>
        <source>Préconisations pour le candidat (obligatoires : bloc non validé)</source>
        <translation>Recommendations for the candidate (required: block not passed)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="328"/>
        <source>Préconisations pour le candidat (facultatives)</source>
        <translation>Recommendations for the candidate (optional)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="339"/>
        <source>Aucun(e) président(e) du jury n&apos;est désigné(e) pour cette épreuve : désignez le jury avant de signer.</source>
        <translation>No jury chair is appointed for this assessment: appoint the jury before signing.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="341"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="344"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="351"/>
        <source>Signer</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="347"/>
        <source>Signataire : &lt;b&gt;{name}&lt;/b&gt;, président(e) du jury. La signature verrouille l&apos;épreuve.</source>
        <translation>Signer: &lt;b&gt;{name}&lt;/b&gt;, jury chair. Signing locks the assessment.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="351"/>
        <source>Signer la version {n}</source>
        <translation>Sign version {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="356"/>
        <source>Avis version {n} signé le {date}. Contresignature facultative de &lt;b&gt;{name}&lt;/b&gt;, expert(e) métier.</source>
        <translation>Opinion version {n} signed on {date}. Optional countersignature by &lt;b&gt;{name}&lt;/b&gt;, professional expert.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="359"/>
        <source>Contresigner (expert)</source>
        <translation>Countersign (expert)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="367"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="377"/>
        <source>&lt;b&gt;Signature impossible :&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cannot sign:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="372"/>
        <source>Pour contresigner :</source>
        <translation>To countersign:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="378"/>
        <source>&lt;br&gt;… et {n} autre(s)</source>
        <translation>&lt;br&gt;… and {n} more</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="384"/>
        <source>Tout est prêt : vous pouvez signer.</source>
        <translation>All set: you can sign.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="409"/>
        <source>président(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="409"/>
        <source>expert(e) métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="411"/>
        <source>{name}, {role}, le {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="503"/>
        <source>Avis version {n} signé ; l&apos;épreuve est verrouillée.</source>
        <translation>Opinion version {n} signed; the assessment is locked.</translation>
    </message>
    <message>
        <source>Compte rendu PDF non produit : {problem}</source>
        <translation type="vanished">PDF report not produced: {problem}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="536"/>
        <source>Enregistrer le compte rendu signé</source>
        <translation>Save the signed report</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="545"/>
        <source>Enregistrement impossible de « {path} » : {error}</source>
        <translation>Cannot save “{path}”: {error}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="547"/>
        <source>Compte rendu enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>AvisForm</name>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="10"/>
        <source>Avis du jury professionnel</source>
        <translation>Professional jury&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="24"/>
        <source>Résultat calculé par les règles</source>
        <translation>Result computed by the rules</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="33"/>
        <source>Avis du jury</source>
        <translation>Jury&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="37"/>
        <source>Bloc validé</source>
        <translation>Block passed</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="38"/>
        <source>Bloc non validé</source>
        <translation>Block not passed</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="43"/>
        <source>Justification de l&apos;écart au résultat calculé (obligatoire en cas d&apos;écart)</source>
        <translation>Justification of the departure from the computed result (required if it departs)</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="45"/>
        <source>Préconisations pour le candidat</source>
        <translation>Recommendations for the candidate</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="47"/>
        <source>Motif de la correction (obligatoire)</source>
        <translation>Reason for the correction (required)</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="56"/>
        <source>Commentaires par compétence</source>
        <translation>Comments per competence</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="71"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="77"/>
        <source>Phrase secrète de la clé de signature</source>
        <translation>Passphrase of the signing key</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="88"/>
        <source>Enregistrer le brouillon</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="89"/>
        <source>Corriger l&apos;avis (nouvelle version)…</source>
        <translation>Correct the opinion (new version)…</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="90"/>
        <source>Enregistrer le compte rendu signé (PDF)…</source>
        <translation>Save the signed report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="92"/>
        <source>Signer</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/avis_dialog.ui" line="93"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="60"/>
        <source>Une copie de la base est prise automatiquement au premier démarrage de chaque jour, à la finalisation d&apos;une épreuve et avant chaque export. Dossier : {folder}</source>
        <translation>A copy of the database is taken automatically at the first start of each day, when an assessment is finalised and before each export. Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="69"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="69"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="69"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="69"/>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="84"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="85"/>
        <source>&amp;Vérifier la sauvegarde</source>
        <translation>&amp;Check the backup</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="86"/>
        <source>&amp;Restaurer cette sauvegarde…</source>
        <translation>&amp;Restore this backup…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="87"/>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="123"/>
        <source>Espace occupé : {count} sauvegarde(s), {total} au total. La rotation en garde au plus {most} (les {last} dernières et une par jour sur {days} jours), soit environ {bound} avec la base actuelle ({size}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="139"/>
        <source>non vérifiée</source>
        <translation>not checked</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="141"/>
        <source>✔ intacte</source>
        <translation>✔ intact</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="141"/>
        <source>✘ inutilisable</source>
        <translation>✘ unusable</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="143"/>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="223"/>
        <source>{day} à {time}</source>
        <translation>{day} at {time}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="170"/>
        <source>Aucune sauvegarde pour l&apos;instant.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="188"/>
        <source>Sauvegarde prise : {name} ({size}).</source>
        <translation>Backup taken: {name} ({size}).</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="201"/>
        <source>Sauvegarde vérifiée : {message}</source>
        <translation>Backup checked: {message}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="203"/>
        <source>Sauvegarde inutilisable : {message}</source>
        <translation>Backup unusable: {message}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="210"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="221"/>
        <source>Restauration impossible maintenant : {reason}</source>
        <translation>Cannot restore now: {reason}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="225"/>
        <source>Remplacer la base actuelle par la sauvegarde du {when} ({reason}) ?

Tout ce qui a été saisi après cette date disparaîtra de la base. La base actuelle sera d&apos;abord copiée dans les sauvegardes (motif « avant une restauration ») : vous pourrez y revenir.</source>
        <translation>Replace the current database with the backup of {when} ({reason})?

Everything entered after that date will disappear from the database. The current database will first be copied to the backups (reason “before a restore”): you will be able to go back to it.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="229"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="229"/>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="245"/>
        <source>Base restaurée depuis la sauvegarde du {when}. La base remplacée est conservée dans « {name} ».</source>
        <translation>Database restored from the backup of {when}. The replaced database is kept in “{name}”.</translation>
    </message>
</context>
<context>
    <name>CandidateTab</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="241"/>
        <source>Choisissez un candidat dans la liste consolidée (double clic ou Entrée).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="245"/>
        <source>Épreuves reçues (tous sites, toutes sessions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="246"/>
        <source>Date</source>
        <translation type="unfinished">Date</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="246"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="246"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="246"/>
        <source>CQP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="246"/>
        <source>Bloc</source>
        <translation type="unfinished">Block</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="247"/>
        <source>Avis du jury professionnel</source>
        <translation type="unfinished">Professional jury&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="247"/>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="250"/>
        <source>Préconisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="249"/>
        <source>Décisions du jury paritaire national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="250"/>
        <source>Jury du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="250"/>
        <source>Décision</source>
        <translation type="unfinished">Decision</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="250"/>
        <source>Écart justifié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="251"/>
        <source>Enregistrée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="257"/>
        <source>{name} — {org} — CQP visé : {cqp} — {uuid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="261"/>
        <source>bloc validé</source>
        <translation type="unfinished">block passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="261"/>
        <source>bloc non validé</source>
        <translation type="unfinished">block not passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="262"/>
        <source> (s&apos;écarte du calcul : {j})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="267"/>
        <source> (en cours)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="66"/>
        <source>Grille d&apos;évaluation — {bloc} : {title}</source>
        <translation>Assessment grid — {bloc}: {title}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="79"/>
        <source>Compétence / critère</source>
        <translation>Competence / criterion</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="79"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="112"/>
        <source>✔ Validé  [V]</source>
        <translation>✔ Passed  [V]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="113"/>
        <source>✘ Non validé  [N]</source>
        <translation>✘ Not passed  [N]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="114"/>
        <source>○ Non observé  [O]</source>
        <translation>○ Not observed  [O]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="122"/>
        <source>↶ Annuler  [Ctrl+Z]</source>
        <translation>↶ Undo  [Ctrl+Z]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="143"/>
        <source>Note propre au critère</source>
        <translation>Note specific to the criterion</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="150"/>
        <source>Note sur la compétence (enregistrée automatiquement)</source>
        <translation>Note on the competence (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="200"/>
        <source>acquise</source>
        <translation>acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="200"/>
        <source>non acquise</source>
        <translation>not acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="201"/>
        <source>{status} {v}/{t}</source>
        <translation>{status} {v}/{t}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="212"/>
        <source>Pré-positionnement, non certifiant — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="214"/>
        <source>Non acquises : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pré-positionnement, non certifiant (ne compte jamais pour un CCP) — </source>
        <translation type="vanished">Pre-positioning, not certifying (never counts towards a CCP) — </translation>
    </message>
    <message>
        <source>Manque : </source>
        <translation type="vanished">Missing: </translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="227"/>
        <source>Épreuve signée : notes en lecture seule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="253"/>
        <source>Choisissez d&apos;abord un critère dans la grille.</source>
        <translation>First choose a criterion in the grid.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="290"/>
        <source>Aucune décision à annuler.</source>
        <translation>No decision to undo.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="318"/>
        <source>Note sur le critère {code}</source>
        <translation>Note on criterion {code}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="321"/>
        <source>Note sur la compétence {code}</source>
        <translation>Note on competence {code}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="326"/>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="346"/>
        <source>Note enregistrée.</source>
        <translation>Note saved.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="329"/>
        <source>Saisie en cours… (enregistrement automatique)</source>
        <translation>Typing… (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/checklist_view.py" line="343"/>
        <source>⚠ Note NON enregistrée — le texte reste affiché, réessayez.</source>
        <translation>⚠ Note NOT saved — the text stays on screen, try again.</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="108"/>
        <source>Cette épreuve est prévue le {planned} ; nous sommes le {today}.
La démarrer aujourd&apos;hui ? La date réelle sera enregistrée et imprimée sur le compte rendu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="112"/>
        <source>Démarrer un autre jour que prévu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="112"/>
        <source>Démarrer aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="113"/>
        <source>Ne pas démarrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="143"/>
        <source>Il reste {t} sur la phase « {phase} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="145"/>
        <source>Terminer l&apos;épreuve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="146"/>
        <source>Terminer l&apos;épreuve maintenant ? Le chronomètre s&apos;arrête définitivement ; la grille reste modifiable jusqu&apos;à la signature de l&apos;avis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="151"/>
        <source>Phase suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="151"/>
        <source>Passer à la phase suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="152"/>
        <source>Passer maintenant à « {next} » ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="153"/>
        <source>Continuer la phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="185"/>
        <source>Phase {n}/{total} · {label}</source>
        <translation>Phase {n}/{total} · {label}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="189"/>
        <source>Terminée</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="191"/>
        <source>Durée totale {t}</source>
        <translation>Total time {t}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="196"/>
        <source>Écoulé {e} sur {p}</source>
        <translation>Elapsed {e} of {p}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="199"/>
        <source>Dépassement +{t}</source>
        <translation>Overrun +{t}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="205"/>
        <source>Pas encore commencée</source>
        <translation>Not started yet</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="206"/>
        <source>● En cours</source>
        <translation>● Running</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="207"/>
        <source>En pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="208"/>
        <source>■ Épreuve terminée</source>
        <translation>■ Assessment finished</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="212"/>
        <source> — motif : {reason}</source>
        <translation> — reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="214"/>
        <source>⚠ Reprise après interruption : chronomètre arrêté au dernier événement enregistré. Vérifiez puis reprenez [F5].</source>
        <translation>⚠ Recovered after an interruption: the clock stopped at the last recorded event. Check, then resume [F5].</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="225"/>
        <location filename="../../ui/clock_panel.ui" line="51"/>
        <source>▶ Démarrer  [F5]</source>
        <translation>▶ Start  [F5]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="225"/>
        <source>▶ Reprendre  [F5]</source>
        <translation>▶ Resume  [F5]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="230"/>
        <source>■ Terminer l&apos;épreuve  [F8]</source>
        <translation>■ Finish the assessment  [F8]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="230"/>
        <location filename="../../ui/clock_panel.ui" line="61"/>
        <source>Phase suivante ›  [F8]</source>
        <translation>Next phase ›  [F8]</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="242"/>
        <source>{label} ({lo} à {hi}) :</source>
        <translation>{label} ({lo} to {hi}):</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/clock_panel.py" line="254"/>
        <source> (dépassement +{t})</source>
        <translation> (overrun +{t})</translation>
    </message>
    <message>
        <source> · dépassement +{t}</source>
        <translation type="vanished"> · overrun +{t}</translation>
    </message>
    <message>
        <location filename="../../ui/clock_panel.ui" line="14"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/clock_panel.ui" line="22"/>
        <source>30:00</source>
        <translation>30:00</translation>
    </message>
    <message>
        <location filename="../../ui/clock_panel.ui" line="29"/>
        <source>Écoulé 00:00</source>
        <translation>Elapsed 00:00</translation>
    </message>
    <message>
        <location filename="../../ui/clock_panel.ui" line="56"/>
        <source>Pause…  [F6]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause  [F6]</source>
        <translation type="vanished">Pause  [F6]</translation>
    </message>
    <message>
        <source>Motif de pause :</source>
        <translation type="vanished">Reason for pausing:</translation>
    </message>
    <message>
        <location filename="../../ui/clock_panel.ui" line="70"/>
        <source>Courriers / courriels traités :</source>
        <translation>Letters / e-mails handled:</translation>
    </message>
</context>
<context>
    <name>DiscussPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="60"/>
        <source>La liste des critères à aborder s&apos;affichera au début de l&apos;entretien. Critères encore non observés : {n}.</source>
        <translation>The criteria to discuss will be listed when the interview starts. Criteria not observed yet: {n}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="66"/>
        <source>{n} critère(s) encore non observé(s) : à aborder pendant l&apos;entretien.</source>
        <translation>{n} criterion/criteria not observed yet: to discuss during the interview.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="68"/>
        <source>Tous les critères ont une décision.</source>
        <translation>Every criterion has a decision.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="71"/>
        <source>⚠ Présentation : {w}</source>
        <translation>⚠ Presentation: {w}</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="546"/>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="553"/>
        <source>Jury paritaire clos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="554"/>
        <source>Dossier de destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="555"/>
        <source>Phrase secrète de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="558"/>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="625"/>
        <source>Procès-verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="559"/>
        <source>Certificats CQP et CCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="560"/>
        <source>Résultats par site (proclamation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="568"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="568"/>
        <source>Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="579"/>
        <source>Jury du {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="583"/>
        <source>Dossier des documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="590"/>
        <source>Choisissez un dossier de destination existant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="593"/>
        <source>Aucun jury paritaire clos : clôturez d&apos;abord la délibération.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="610"/>
        <source>{n} fichier(s) écrit(s) dans {f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="633"/>
        <source>Certificat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="642"/>
        <source>Résultats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="66"/>
        <source>Dossier de {name}</source>
        <translation>File of {name}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="67"/>
        <source>formation</source>
        <translation>training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="67"/>
        <source>VAE (validation des acquis de l&apos;expérience)</source>
        <translation>VAE (accreditation of prior experience)</translation>
    </message>
    <message>
        <source>oui</source>
        <translation type="vanished">yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation type="vanished">no</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="70"/>
        <source>CQP visé</source>
        <translation>Target CQP</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="71"/>
        <source>Voie d&apos;accès</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="72"/>
        <source>Organisme employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="73"/>
        <source>Branche de législation</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Prérequis « Pass et Prem&apos;ss suivis »</source>
        <translation type="vanished">Prerequisite “Pass and Prem&apos;ss completed”</translation>
    </message>
    <message>
        <source>sans objet (VAE)</source>
        <translation type="vanished">not applicable (VAE)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="81"/>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="82"/>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="134"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>aucun — CQP obtenu</source>
        <translation type="vanished">none — CQP obtained</translation>
    </message>
    <message>
        <source>&lt;b&gt;CCP détenus ({cqp})&lt;/b&gt; : {held}</source>
        <translation type="vanished">&lt;b&gt;CCP held ({cqp})&lt;/b&gt;: {held}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocs restant à certifier&lt;/b&gt; : {todo}</source>
        <translation type="vanished">&lt;b&gt;Blocks still to certify&lt;/b&gt;: {todo}</translation>
    </message>
    <message>
        <source>Blocs communs valables aussi pour le CQP {cqp} : {blocs}</source>
        <translation type="vanished">Common blocks also valid for the CQP {cqp}: {blocs}</translation>
    </message>
    <message>
        <source>⚠ Le candidat n&apos;a pas suivi en totalité les formations Pass et Prem&apos;ss.</source>
        <translation type="vanished">⚠ The candidate has not completed the Pass and Prem&apos;ss trainings.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="69"/>
        <source>Identifiant candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="74"/>
        <source>Pass et Prem&apos;ss (exigés pour le CQP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="84"/>
        <source>&lt;b&gt;CCP détenus&lt;/b&gt; : {held}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="85"/>
        <source>&lt;b&gt;Blocs restant à certifier pour le CQP {cqp}&lt;/b&gt; : {todo}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="90"/>
        <source>CQP {cqp} déjà obtenu : il reste acquis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="94"/>
        <source>&lt;b&gt;Passerelle&lt;/b&gt; : les CCP {blocs} obtenus pour l&apos;autre CQP valent pour le CQP {cqp} (blocs communs) ; il ne reste que {todo}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="102"/>
        <source>Passerelle : blocs communs valables aussi pour le CQP {cqp} : {blocs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="109"/>
        <source>Voie VAE : livret 2 avec une à deux situations significatives par bloc, puis un seul entretien de 45 min pour tous les blocs demandés le même jour ; chaque bloc reçoit son avis et son CCP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="114"/>
        <source>CQP retenu : {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="117"/>
        <source>&lt;i&gt;CCP détenus : avis du jury signés (la version en vigueur). Une épreuve terminée dont l&apos;avis n&apos;est pas encore signé ne compte pas ; le pré-positionnement ne compte jamais. Le jury paritaire national reste souverain.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="127"/>
        <source>&lt;b&gt;Jury paritaire national&lt;/b&gt; : résultat non encore proclamé (CCP ci-dessus : proposés).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="130"/>
        <source>{bloc} (épreuve du {date}, {site})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="137"/>
        <source>&lt;b&gt;Résultat proclamé par le jury paritaire national du {day}&lt;/b&gt; : {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="139"/>
        <source>&lt;b&gt;CCP délivrés&lt;/b&gt; : {ccp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="142"/>
        <source>&lt;b&gt;CQP délivré&lt;/b&gt; : {cqp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="144"/>
        <source>Décision souveraine s&apos;écartant de l&apos;avis du jury professionnel : {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="146"/>
        <source>Préconisations du jury paritaire : {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="152"/>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="163"/>
        <source>avis signé : bloc validé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="163"/>
        <source>avis signé : bloc non validé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="166"/>
        <source>validé</source>
        <translation type="unfinished">passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="166"/>
        <source>non validé</source>
        <translation type="unfinished">not passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="167"/>
        <source>règles : {r} — avis à signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Calcul provisoire : résultat des règles sur les épreuves terminées, en attendant les avis signés. Le pré-positionnement ne compte jamais.&lt;/i&gt;</source>
        <translation type="vanished">&lt;i&gt;Provisional: result of the rules on finished assessments, pending signed opinions. Pre-positioning never counts.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="152"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="152"/>
        <source>Bloc</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="152"/>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="152"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Résultat (règles)</source>
        <translation type="vanished">Result (rules)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="159"/>
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="159"/>
        <source>Pré-positionnement (non certifiant)</source>
        <translation>Pre-positioning (not certifying)</translation>
    </message>
    <message>
        <source>bloc validé</source>
        <translation type="vanished">block passed</translation>
    </message>
    <message>
        <source>bloc non validé</source>
        <translation type="vanished">block not passed</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.ui" line="13"/>
        <source>← Accueil  [Échap]</source>
        <translation>← Home  [Esc]</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.ui" line="14"/>
        <source>Dossier du candidat</source>
        <translation>Candidate&apos;s file</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.ui" line="16"/>
        <source>Planifier une épreuve…  [Ctrl+N]</source>
        <translation>Plan an assessment…  [Ctrl+N]</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.ui" line="34"/>
        <source>Épreuves du candidat</source>
        <translation>Candidate&apos;s assessments</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/help_view.py" line="166"/>
        <source>Guide du jury — cqp-desktop</source>
        <translation>Jury guide — cqp-desktop</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/help_view.py" line="173"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <location filename="../../cqp_desktop/gui/help_view.py" line="46"/>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/help_view.py" line="48"/>
        <source>mot à chercher dans le guide, puis Entrée</source>
        <translation>word to find in the guide, then Enter</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/help_view.py" line="76"/>
        <source>Le guide du jury est introuvable ({path}). Réinstallez l&apos;application.</source>
        <translation>The jury guide cannot be found ({path}). Reinstall the application.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../ui/home_view.ui" line="14"/>
        <source>Épreuves planifiées</source>
        <translation>Planned assessments</translation>
    </message>
    <message>
        <location filename="../../ui/home_view.ui" line="15"/>
        <source>titleLabel</source>
        <translation>titleLabel</translation>
    </message>
    <message>
        <location filename="../../ui/home_view.ui" line="33"/>
        <source>Ouvrir l&apos;épreuve  [Entrée]</source>
        <translation>Open the assessment  [Enter]</translation>
    </message>
    <message>
        <location filename="../../ui/home_view.ui" line="34"/>
        <source>Jury…  [Ctrl+J]</source>
        <translation>Jury…  [Ctrl+J]</translation>
    </message>
    <message>
        <location filename="../../ui/home_view.ui" line="35"/>
        <source>Dossier du candidat  [Ctrl+D]</source>
        <translation>Candidate&apos;s file  [Ctrl+D]</translation>
    </message>
    <message>
        <location filename="../../ui/home_view.ui" line="37"/>
        <source>Planifier une épreuve…  [Ctrl+N]</source>
        <translation>Plan an assessment…  [Ctrl+N]</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="87"/>
        <location filename="../../ui/identity_dialog.ui" line="7"/>
        <source>Identités de signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="119"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="122"/>
        <source>au moins {n} caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="127"/>
        <source>la même, une seconde fois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="128"/>
        <source>celui donné avec le fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="150"/>
        <source>Aucune autorité Ucanss n&apos;est installée sur ce poste : installez d&apos;abord son fichier de confiance (Fichier › Autorité de confiance Ucanss…), sans quoi aucun certificat ne peut être installé ni aucune signature faite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="171"/>
        <source>Force : {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="172"/>
        <source>Au moins {n} caractères ; plusieurs mots valent mieux qu&apos;un mot compliqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Empreinte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="224"/>
        <source>clé créée sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="224"/>
        <source>certificat PKCS#12 importé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="247"/>
        <source>Aucun membre du jury : ajoutez-les d&apos;abord (menu Jury › Candidats, jury et organismes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="249"/>
        <source>Choisissez un membre du jury dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="287"/>
        <source>Remplacer l&apos;identité de signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="289"/>
        <source>{name} a déjà une identité de signature. La remplacer la retire : les signatures déjà faites restent valables, mais les prochaines utiliseront la nouvelle clé. Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="294"/>
        <source>Remplacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="295"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="317"/>
        <source>Aucune identité enregistrée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="463"/>
        <source>Certificat PKCS#12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="463"/>
        <source>Certificats PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="479"/>
        <source>Fichier : choisissez le certificat PKCS#12 (.p12 ou .pfx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="433"/>
        <source>Fichier « {path} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="96"/>
        <source>Pour signer un avis ou un paquet de session, chaque membre du jury a une clé sur ce poste, protégée par sa phrase secrète (au moins {n} caractères, jamais enregistrée : en cas d&apos;oubli, refaites une demande), et un certificat délivré par l&apos;Ucanss. 1. Créez la clé et la demande ; envoyez le fichier .csr à l&apos;Ucanss. 2. Installez le certificat qu&apos;elle renvoie. Il faut aussi le fichier de confiance de l&apos;Ucanss (Fichier › Autorité de confiance Ucanss…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Certificat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Installé le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="210"/>
        <source>Peut signer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="256"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; n&apos;a pas encore de certificat de signature sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="259"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; : certificat « {subject} », empreinte {fp}, {source}, installé le {date}, valable jusqu&apos;au {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="267"/>
        <source>&lt;b&gt;Peut signer.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="269"/>
        <source>&lt;b&gt;Ne peut pas signer&lt;/b&gt; : {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="272"/>
        <source>Demande de certificat en attente : installez le certificat renvoyé par l&apos;Ucanss (bouton 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="277"/>
        <source>Certificat de signature délivré par l&apos;Ucanss pour {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="332"/>
        <source>Enregistrer la demande de certificat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="333"/>
        <source>Demandes de certificat (*.csr);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="348"/>
        <source>Demande de certificat non enregistrée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="349"/>
        <source>« {path} » : {error}. Choisissez un autre dossier (« Enregistrer à nouveau la demande en attente »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="362"/>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="369"/>
        <source>Aucune demande créée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="386"/>
        <source>Clé et demande créées pour {name}, mais le fichier de la demande n&apos;a pas été enregistré : bouton « Enregistrer à nouveau la demande en attente ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="395"/>
        <source>Demande de certificat de {name} enregistrée : {path}
Envoyez ce fichier à l&apos;Ucanss, puis installez le certificat qu&apos;elle renvoie (bouton 2). Retenez la phrase secrète : elle n&apos;est enregistrée nulle part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="418"/>
        <source>Certificat délivré par l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="419"/>
        <source>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="428"/>
        <source>Certificat non installé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="436"/>
        <source>Fichier « {path} » illisible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="439"/>
        <source>« {name} » : trop gros pour un certificat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="449"/>
        <source>Certificat de l&apos;Ucanss installé pour {name} : {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="482"/>
        <source>Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="506"/>
        <source>Certificat importé pour {name} ; sa clé est protégée par la nouvelle phrase secrète. {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="508"/>
        <source>Signature possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="509"/>
        <source>Mais signature impossible : {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="22"/>
        <source>&amp;Phrase secrète :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="23"/>
        <source>&amp;Confirmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="20"/>
        <source>Certificat de signature délivré par l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="24"/>
        <source>1. Créer la c&amp;lé et la demande de certificat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="25"/>
        <source>2. Installer le certificat &amp;reçu de l&apos;Ucanss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="26"/>
        <source>Enregistrer à nouveau la &amp;demande en attente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="32"/>
        <source>Ou importer un certificat PKCS#12 (.p12, .pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="34"/>
        <source>&amp;Fichier :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="35"/>
        <source>Parco&amp;urir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="36"/>
        <source>&amp;Mot de passe du fichier :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="37"/>
        <source>&amp;Nouvelle phrase secrète :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="38"/>
        <source>Con&amp;firmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="39"/>
        <source>&amp;Importer le certificat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="87"/>
        <source>Importez les paquets de session envoyés par les sites (fichiers .cqpkg, ou un dossier qui en contient). Chaque paquet est vérifié (structure, empreintes, signatures certifiées par l&apos;Ucanss, recalcul) avant d&apos;entrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="92"/>
        <source>Fichiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="93"/>
        <source>Dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="101"/>
        <source>%v / %m paquet(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="103"/>
        <source>Paquet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="103"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="103"/>
        <source>Détail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="109"/>
        <source>Paquets à importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="109"/>
        <source>Paquets (*.cqpkg *.cqpkg.p7m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="113"/>
        <source>Dossier de paquets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="123"/>
        <source>Aucun paquet (.cqpkg) trouvé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="142"/>
        <source>session « {s} », révision {r}, {c} candidat(s), {e} épreuve(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="147"/>
        <source>refusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="150"/>
        <source>illisible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="164"/>
        <source>{a} paquet(s) accepté(s), {r} refusé(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JuryDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="30"/>
        <source>Jury de l&apos;épreuve</source>
        <translation>Assessment&apos;s jury</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="42"/>
        <source>Enregistrer le jury</source>
        <translation>Save the jury</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="43"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="50"/>
        <source>Candidat : {name} — {org}, branche {branche} · bloc {bloc}, le {day}</source>
        <translation>Candidate: {name} — {org}, branch {branche} · block {bloc}, on {day}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="57"/>
        <source>— à désigner —</source>
        <translation>— to appoint —</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="59"/>
        <source>non formé(e)</source>
        <translation>not trained</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="81"/>
        <source>✘ Composition non conforme :</source>
        <translation>✘ Composition not compliant:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="84"/>
        <source>✔ Composition conforme aux règles du jury professionnel.</source>
        <translation>✔ Composition complies with the professional jury rules.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/jury_dialog.py" line="93"/>
        <source>✘ Composition refusée, rien n&apos;a été enregistré :</source>
        <translation>✘ Composition refused, nothing was saved:</translation>
    </message>
    <message>
        <location filename="../../ui/jury_dialog.ui" line="9"/>
        <source>Composition du jury professionnel</source>
        <translation>Professional jury composition</translation>
    </message>
    <message>
        <location filename="../../ui/jury_dialog.ui" line="20"/>
        <source>&amp;Président(e) du jury :</source>
        <translation>Jury &amp;chair:</translation>
    </message>
    <message>
        <location filename="../../ui/jury_dialog.ui" line="22"/>
        <source>&amp;Expert(e) métier :</source>
        <translation>Professional &amp;expert:</translation>
    </message>
    <message>
        <location filename="../../ui/jury_dialog.ui" line="29"/>
        <source>Règles : l&apos;expert métier est de la même branche de législation que le candidat et n&apos;appartient jamais à son organisme employeur ; chaque membre a suivi la formation des jurys professionnels des CQP ; le président représente le certificateur.</source>
        <translation>Rules: the professional expert is from the candidate&apos;s branch and never from the candidate&apos;s employer; every member has completed the CQP professional jury training; the chair represents the certifier.</translation>
    </message>
</context>
<context>
    <name>JuryTab</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="296"/>
        <source>Calendrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="299"/>
        <source>Membres du jury présents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="300"/>
        <source>Ouvrir la séance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="302"/>
        <source>Date</source>
        <translation type="unfinished">Date</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="306"/>
        <source>Candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="306"/>
        <source>CQP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="306"/>
        <source>Avis des jurys professionnels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="306"/>
        <source>Décision</source>
        <translation type="unfinished">Decision</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="320"/>
        <source>CCP délivrés par le jury (touches 1 à 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="325"/>
        <source>Justification (obligatoire si la décision s&apos;écarte de l&apos;avis du jury professionnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="328"/>
        <source>Préconisations (par défaut : celles du jury professionnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="330"/>
        <source>Justification de l&apos;écart à l&apos;avis (décision souveraine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="332"/>
        <source>Préconisations du jury paritaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="335"/>
        <source>Conforme à l&apos;avis (Alt+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="336"/>
        <source>Enregistrer la décision (Ctrl+Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="346"/>
        <source>Clôture de la délibération et proclamation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="351"/>
        <source>Clore et signer le procès-verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="353"/>
        <source>Phrase secrète de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="354"/>
        <source>Procès-verbal (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="376"/>
        <source>Calendrier des jurys paritaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="376"/>
        <source>Calendrier (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="384"/>
        <source>« {f} » : {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="415"/>
        <source>Aucune séance ouverte : choisissez une date du calendrier des jurys paritaires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="422"/>
        <source>Jury paritaire national du {d} — délibération : {n}/{t} décision(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="429"/>
        <source> (écart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="429"/>
        <source>à délibérer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="454"/>
        <source>{date} · {bloc} · {site} : {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="456"/>
        <source>&lt;b&gt;validé&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="456"/>
        <source>&lt;b&gt;non validé&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="457"/>
        <source> — préconisations : {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="462"/>
        <source>CCP déjà délivrés : {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="463"/>
        <source>&lt;b&gt;Avis des jurys professionnels&lt;/b&gt; : {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="489"/>
        <source>{name} : {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="517"/>
        <source>Dossier « {d} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="528"/>
        <source>Procès-verbal enregistré dans la base, fichier non écrit : {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="530"/>
        <source>Délibération close, résultats proclamés ; procès-verbal signé : {f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="180"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="180"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="180"/>
        <source>CQP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="181"/>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="188"/>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="188"/>
        <source>Candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="188"/>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="188"/>
        <source>CQP visé</source>
        <translation type="unfinished">Target CQP</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="189"/>
        <source>CCP détenus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="189"/>
        <source>Blocs restant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="189"/>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="206"/>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="213"/>
        <source>tous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="208"/>
        <source>(site non renseigné)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="229"/>
        <source>{n} candidat(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivretPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="153"/>
        <source>Livret 2 : {lo} à {hi} situation(s) significative(s) pour le bloc {bloc}.</source>
        <translation>Livret 2: {lo} to {hi} significant situation(s) for block {bloc}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="157"/>
        <source>Un seul entretien de {minutes} min pour la candidature (blocs {blocs}) ; chaque bloc reçoit son avis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="166"/>
        <source>Situation {n}</source>
        <translation>Situation {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="170"/>
        <source>Titre de la situation</source>
        <translation>Title of the situation</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="172"/>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="186"/>
        <source>Enregistrer la situation {n}</source>
        <translation>Save situation {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="187"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="221"/>
        <source>Situation {n} enregistrée.</source>
        <translation>Situation {n} saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="59"/>
        <source>Données : {dir}</source>
        <translation>Data: {dir}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="66"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="67"/>
        <source>&amp;Réglages et données…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="68"/>
        <source>&amp;Sauvegardes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="69"/>
        <source>Ré&amp;férentiel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="72"/>
        <source>&amp;Exporter la session (paquet signé)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="73"/>
        <source>&amp;Importer l&apos;accusé de réception Ucanss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="75"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="76"/>
        <source>É&amp;preuve</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="77"/>
        <source>&amp;Accueil — liste des épreuves</source>
        <translation>&amp;Home — list of assessments</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="78"/>
        <source>&amp;Planifier une épreuve…</source>
        <translation>&amp;Plan an assessment…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="79"/>
        <source>A&amp;vis du jury et signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="80"/>
        <source>A&amp;nnuler l&apos;épreuve (candidat absent)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="270"/>
        <source>Épreuve : {what}

Motif de l&apos;annulation (l&apos;épreuve ne doit pas avoir commencé ; elle restera visible, marquée « annulée », et ne sera pas transmise) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="81"/>
        <source>&amp;Jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="70"/>
        <source>Autorité de &amp;confiance Ucanss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="82"/>
        <source>&amp;Candidats, jury et organismes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="83"/>
        <source>&amp;Identités de signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="84"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="85"/>
        <source>&amp;Guide du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="86"/>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="87"/>
        <source>À &amp;propos de cqp-desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="101"/>
        <source>Référentiel {v} : {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="104"/>
        <source>Validité du référentiel : du {start} au {end}, dépassée aujourd&apos;hui. Vérifiez auprès de l&apos;Ucanss qu&apos;il s&apos;applique encore, ou importez la nouvelle version (Fichier › Référentiel…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="121"/>
        <source>Aucune autorité Ucanss n&apos;est installée sur ce poste : personne ne peut signer un avis. Installez le fichier de confiance (Fichier › Autorité de confiance Ucanss…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="129"/>
        <source>Session « {label} » synchronisée avec l&apos;Ucanss depuis {days} jours : effacez les données personnelles des candidats (Fichier › Exporter la session…, « Purger les données personnelles »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="226"/>
        <source>Épreuve planifiée : composez maintenant son jury.</source>
        <translation>Assessment planned: now appoint its jury.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="243"/>
        <source>Jury enregistré.</source>
        <translation>Jury saved.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="257"/>
        <location filename="../../cqp_desktop/gui/application.py" line="265"/>
        <source>Choisissez d&apos;abord une épreuve dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="268"/>
        <location filename="../../cqp_desktop/gui/application.py" line="274"/>
        <source>Annuler l&apos;épreuve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="273"/>
        <source>Candidat absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="275"/>
        <source>Ne rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="290"/>
        <source>dépassement +{t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="291"/>
        <source>reste {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="293"/>
        <source>phase {n}/{total}, écoulé {e}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="307"/>
        <source>{first} {last} — bloc {bloc} — prévue le {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="314"/>
        <source>cqp-desktop</source>
        <translation type="unfinished">cqp-desktop</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="333"/>
        <source>Épreuve annulée : « {reason} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="338"/>
        <source>L&apos;avis se rédige une fois l&apos;épreuve terminée (F8 à la dernière phase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="360"/>
        <source>Avis signé ; {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="362"/>
        <source>Avis signé : l&apos;épreuve est verrouillée (sauvegarde prise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="370"/>
        <source>Fermez d&apos;abord les épreuves ouvertes (Fichier › Quitter puis relancer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="390"/>
        <source>Sauvegarde restaurée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="413"/>
        <source>Fichier de confiance de l&apos;Ucanss installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="428"/>
        <source>Référentiel {v} activé pour les nouvelles épreuves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="444"/>
        <source>Identité de signature enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="508"/>
        <source>Quitter pendant une épreuve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="509"/>
        <source>Une épreuve est en cours :
{names}

Quitter met son chronomètre en pause (motif « application fermée »). Quitter quand même ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="511"/>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="512"/>
        <source>Rester dans l&apos;épreuve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PauseReasonDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/runner_dialogs.py" line="44"/>
        <source>Motif de la pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_dialogs.py" line="46"/>
        <source>Pourquoi le chronomètre s&apos;arrête-t-il ? (↑ ↓ puis Entrée ; Échap : pas de pause)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_dialogs.py" line="58"/>
        <source>Autre motif (saisir puis Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_dialogs.py" line="61"/>
        <source>Mettre en pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_dialogs.py" line="62"/>
        <source>Ne pas mettre en pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="68"/>
        <location filename="../../ui/people_dialog.ui" line="9"/>
        <source>Candidats, jury et organismes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="77"/>
        <source>Choisissez une ligne pour la corriger, ou « Nouveau » (Ctrl+N) pour ajouter ; « Enregistrer » (Ctrl+S) écrit aussitôt. Ajoutez d&apos;abord les organismes : un candidat ou un membre du jury en a besoin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="83"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="98"/>
        <source>ex. CPAM-75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="99"/>
        <source>caisse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="100"/>
        <source>certificateur (Ucanss ou délégué)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="105"/>
        <source>référence de la décision de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="125"/>
        <source>nom et fonction (ex. responsable formation de la caisse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="126"/>
        <source>celui d&apos;une fiche précédente (autre site, autre année) ; sinon vide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="131"/>
        <source>nom, prénom ou organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="135"/>
        <source>formation</source>
        <translation type="unfinished">training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="136"/>
        <source>VAE</source>
        <translation type="unfinished">VAE</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="159"/>
        <source>président(e) du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="160"/>
        <source>expert(e) métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="188"/>
        <source>— aucune —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="198"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="198"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="225"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="250"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="198"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="198"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="250"/>
        <source>Branche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="432"/>
        <source>Pass et Prem&apos;ss suivis en totalité (date et attestant) : exigés pour la délivrance du CQP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="488"/>
        <source>{n} épreuve(s) signée(s) : l&apos;organisme et la voie ne peuvent plus changer. Passerelle : le CQP visé peut changer (COS ↔ GC), la fiche garde tous ses CCP ; le dossier montre alors les seuls blocs restants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="493"/>
        <source>Passerelle : changer le CQP visé garde la fiche et tous ses CCP (GRU et MDR valent pour les deux CQP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="504"/>
        <source>Dossier où écrire les données du candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="512"/>
        <source>Choisissez d&apos;abord un candidat dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="524"/>
        <source>Données du candidat écrites : {json} et {pdf} ({n} épreuve(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="565"/>
        <source>Attention : sans Pass et Prem&apos;ss attestés (date, attesté par), le CQP ne sera pas délivré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="102"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="205"/>
        <source>— choisir —</source>
        <translation type="unfinished">— choose —</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="225"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="250"/>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="225"/>
        <source>Organisme employeur</source>
        <translation type="unfinished">Employer</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="225"/>
        <source>CQP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="225"/>
        <source>Voie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="226"/>
        <source>Pass/Prem&apos;ss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="226"/>
        <source>Épreuves (signées)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="231"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="466"/>
        <source>(données effacées)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="258"/>
        <source>oui</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="258"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="273"/>
        <source>non</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="250"/>
        <location filename="../../ui/people_dialog.ui" line="129"/>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="250"/>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="251"/>
        <source>Formation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="251"/>
        <source>Signature</source>
        <translation type="unfinished">Signature</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="257"/>
        <source>non formé(e)</source>
        <translation type="unfinished">not trained</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="269"/>
        <source>certificateur (type à préciser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="275"/>
        <source>attestés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="276"/>
        <source>à compléter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="334"/>
        <source>Rien n&apos;a été enregistré :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="359"/>
        <source>Nouvel organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="370"/>
        <source>Une caisse a une branche de législation : elle sert à choisir l&apos;expert métier de ses candidats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="380"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="467"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="618"/>
        <source>Corriger : {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="393"/>
        <source>Figure dans {n} épreuve(s) signée(s) : seul le nom peut être corrigé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="410"/>
        <source>Organisme ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="414"/>
        <source>Organisme corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="414"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="553"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="661"/>
        <source>Aucun changement pour {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="441"/>
        <source>Nouveau candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="485"/>
        <source>Données effacées après synchronisation avec l&apos;Ucanss : plus de correction possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="548"/>
        <source>Candidat ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="553"/>
        <source>Candidat corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="562"/>
        <source>Déjà transmis à l&apos;Ucanss ({sessions}) : le paquet envoyé porte l&apos;ancienne valeur, prévenez l&apos;Ucanss de la correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="588"/>
        <source>Sans date de formation des jurys professionnels des CQP, ce membre ne peut siéger dans aucun jury.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="601"/>
        <source>Nouveau membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="623"/>
        <source>A siégé dans {n} épreuve(s) signée(s) : seuls le nom et le prénom peuvent être corrigés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="657"/>
        <source>Membre du jury ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="661"/>
        <source>Membre du jury corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="664"/>
        <source>Son certificat de signature porte l&apos;ancien nom : créez-lui une nouvelle clé si besoin (menu Jury › Identités de signature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="18"/>
        <source>&amp;Candidats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="22"/>
        <source>&amp;Rechercher :</source>
        <translation type="unfinished">&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="30"/>
        <source>Candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="32"/>
        <location filename="../../ui/people_dialog.ui" line="84"/>
        <location filename="../../ui/people_dialog.ui" line="133"/>
        <source>No&amp;m :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="34"/>
        <location filename="../../ui/people_dialog.ui" line="86"/>
        <source>&amp;Prénom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="36"/>
        <source>&amp;Organisme employeur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="38"/>
        <source>C&amp;QP :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="40"/>
        <source>&amp;Voie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="42"/>
        <source>&amp;Formation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="43"/>
        <source>Pass et Prem&apos;ss suivis en totalité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="44"/>
        <source>Pass et Prem&apos;ss &amp;terminés le :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="46"/>
        <source>&amp;Attesté par :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="48"/>
        <source>&amp;Identifiant candidat :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="57"/>
        <location filename="../../ui/people_dialog.ui" line="105"/>
        <location filename="../../ui/people_dialog.ui" line="150"/>
        <source>&amp;Nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="58"/>
        <source>&amp;Données du candidat (à sa demande)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="58"/>
        <source>Tout ce que ce poste détient sur ce candidat, en JSON et en PDF (droit d&apos;accès)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="60"/>
        <location filename="../../ui/people_dialog.ui" line="107"/>
        <location filename="../../ui/people_dialog.ui" line="152"/>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="70"/>
        <source>Membres du &amp;jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="82"/>
        <source>Membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="88"/>
        <source>&amp;Organisme :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="90"/>
        <source>&amp;Rôle :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="92"/>
        <location filename="../../ui/people_dialog.ui" line="137"/>
        <source>&amp;Branche de législation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="94"/>
        <source>Formation des &amp;jurys :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="95"/>
        <source>suivie le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="96"/>
        <source>&amp;Date de formation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="139"/>
        <source>Type de &amp;certificateur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="141"/>
        <source>&amp;Validation Ucanss :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="45"/>
        <location filename="../../ui/people_dialog.ui" line="97"/>
        <source>dd/MM/yyyy</source>
        <translation type="unfinished">dd/MM/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="117"/>
        <source>&amp;Organismes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="131"/>
        <source>&amp;Code :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="135"/>
        <source>&amp;Type :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="34"/>
        <location filename="../../ui/planning_dialog.ui" line="9"/>
        <source>Planifier une épreuve</source>
        <translation>Plan an assessment</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="50"/>
        <source>Planifier</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="51"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="59"/>
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="60"/>
        <source>Pré-positionnement (non certifiant)</source>
        <translation>Pre-positioning (not certifying)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="94"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="95"/>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="95"/>
        <source>formation</source>
        <translation>training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="97"/>
        <source>{name} — CQP {cqp}, voie {route}, {org} (branche {branche}). CCP détenus : {held}.</source>
        <translation>{name} — CQP {cqp}, {route} route, {org} (branch {branche}). CCP held: {held}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="111"/>
        <source>— (pas d&apos;alternative pour ce bloc)</source>
        <translation>— (no alternative for this block)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="113"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="123"/>
        <location filename="../../cqp_desktop/gui/planning_dialog.py" line="134"/>
        <source>Aucun bloc à planifier pour ce candidat.</source>
        <translation>No block to plan for this candidate.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="14"/>
        <source>&amp;Candidat :</source>
        <translation>&amp;Candidate:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="16"/>
        <source>&amp;Nature :</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="18"/>
        <source>&amp;Bloc :</source>
        <translation>&amp;Block:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="20"/>
        <source>&amp;Modalité :</source>
        <translation>&amp;Modality:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="22"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_dialog.ui" line="23"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
</context>
<context>
    <name>PresentationPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="100"/>
        <source>Compétences abordées par la présentation (au moins {n}) :</source>
        <translation>Competences covered by the presentation (at least {n}):</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="139"/>
        <source>✔ {n} compétences abordées.</source>
        <translation>✔ {n} competences covered.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="30"/>
        <source>cqp-desktop — base de données inutilisable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="33"/>
        <source>La base de données ne peut pas être ouverte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="50"/>
        <source>Quitter sans rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="54"/>
        <source>Continuer avec la base telle quelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="56"/>
        <source>Ce qui manque reste manquant ; ce choix et l&apos;écart constaté sont inscrits au journal d&apos;audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="65"/>
        <source>Aucune sauvegarde intacte n&apos;a été trouvée dans « {folder} ». Contactez le support Ucanss ; ne supprimez pas le fichier de la base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="73"/>
        <source>Dernière sauvegarde intacte : {date} ({reason}, {size}) — {check}
La restaurer remplace la base par cette copie ; le fichier endommagé est conservé à part. Ce qui a été saisi après cette sauvegarde n&apos;y figure pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="83"/>
        <source>Restaurer la sauvegarde du {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="106"/>
        <source>Restauration impossible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="121"/>
        <source>Impossible de continuer : {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="58"/>
        <source>Référentiel</source>
        <translation>Référentiel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="71"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="74"/>
        <source>&amp;Activer pour les nouvelles épreuves</source>
        <translation>&amp;Activate for new assessments</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="79"/>
        <location filename="../../ui/referentiel_dialog.ui" line="36"/>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="79"/>
        <location filename="../../ui/referentiel_dialog.ui" line="37"/>
        <source>Changement</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="98"/>
        <source>Aucun référentiel actif.</source>
        <translation>No active référentiel.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="100"/>
        <source>critères indicatifs</source>
        <translation>indicative criteria</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="100"/>
        <source>critères officiels</source>
        <translation>official criteria</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="102"/>
        <source>Référentiel actif : {title}
version {version} ({status}), valable du {start} au {end}</source>
        <translation>Active référentiel: {title}
version {version} ({status}), valid from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="112"/>
        <source>Un nouveau référentiel ne vaut que pour les épreuves planifiées après son activation. Les {count} épreuve(s) déjà planifiée(s) et non signée(s) gardent le référentiel avec lequel elles ont été planifiées ; une épreuve en cours n&apos;est jamais modifiée.</source>
        <translation>A new référentiel applies only to assessments planned after it is activated. The {count} assessment(s) already planned and not signed keep the référentiel they were planned with; a running assessment is never changed.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="126"/>
        <source>Choisir un fichier de référentiel</source>
        <translation>Choose a référentiel file</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="128"/>
        <source>Référentiels (*.toml *.json);;Tous les fichiers (*)</source>
        <translation>Référentiels (*.toml *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="147"/>
        <source>Ce fichier ne peut pas être utilisé :</source>
        <translation>This file cannot be used:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="153"/>
        <source>Ce fichier est identique au référentiel actif : rien à changer.</source>
        <translation>This file is identical to the active référentiel: nothing to change.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="157"/>
        <source>Fichier valide : {title}, version {version}.</source>
        <translation>Valid file: {title}, version {version}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="162"/>
        <source>Différences avec le référentiel actif : {summary}.</source>
        <translation>Differences from the active référentiel: {summary}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="165"/>
        <source>⚠ {warning}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="168"/>
        <source>⚠ Ses critères sont indicatifs : {notice}.</source>
        <translation>⚠ Its criteria are indicative: {notice}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="172"/>
        <source>⚠ Il n&apos;est pas valable aujourd&apos;hui (validité du {start} au {end}).</source>
        <translation>⚠ It is not valid today (valid from {start} to {end}).</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="199"/>
        <source>ajouté : {what}</source>
        <translation>added: {what}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="201"/>
        <source>supprimé : {what}</source>
        <translation>removed: {what}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="203"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="205"/>
        <source>{field} modifié
avant : {before}
après : {after}</source>
        <translation>{field} changed
before: {before}
after: {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="208"/>
        <source>{field} : {before} → {after}</source>
        <translation>{field}: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="214"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="223"/>
        <source>Activer le référentiel {label} pour les épreuves planifiées à partir de maintenant ?

Les épreuves déjà planifiées gardent leur référentiel.</source>
        <translation>Activate the référentiel {label} for assessments planned from now on?

Assessments already planned keep their référentiel.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="226"/>
        <source>Activer le référentiel</source>
        <translation>Activate the référentiel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="226"/>
        <source>Activer</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="237"/>
        <source>Référentiel {label} activé : il servira aux prochaines épreuves planifiées.</source>
        <translation>Référentiel {label} activated: it will be used for the next assessments planned.</translation>
    </message>
    <message>
        <location filename="../../ui/referentiel_dialog.ui" line="9"/>
        <source>Mettre à jour le référentiel</source>
        <translation>Update the référentiel</translation>
    </message>
    <message>
        <location filename="../../ui/referentiel_dialog.ui" line="20"/>
        <source>&amp;Choisir un fichier de référentiel…</source>
        <translation>&amp;Choose a référentiel file…</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <location filename="../../ui/runner_view.ui" line="14"/>
        <source>← Accueil  [Échap]</source>
        <translation>← Home  [Esc]</translation>
    </message>
    <message>
        <location filename="../../ui/runner_view.ui" line="22"/>
        <source>Jury…  [Ctrl+J]</source>
        <translation>Jury…  [Ctrl+J]</translation>
    </message>
    <message>
        <location filename="../../ui/runner_view.ui" line="23"/>
        <source>Avis du jury et signature…  [Ctrl+Maj+A]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/runner_view.ui" line="52"/>
        <source>Raccourcis : F5 démarrer/reprendre · F6 pause · F8 phase suivante · V/N/O décision (hors saisie de texte) · ↑↓ critère · Ctrl+Z annuler · Ctrl+J jury · Ctrl+Maj+A avis · Échap accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="75"/>
        <source>Livret 2 (VAE)</source>
        <translation>Livret 2 (VAE)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="77"/>
        <source>Présentation</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="78"/>
        <source>À aborder en entretien</source>
        <translation>To discuss in the interview</translation>
    </message>
    <message>
        <source>Raccourcis : F5 démarrer/reprendre · F6 pause · F8 phase suivante · V/N/O décision · ↑↓ critère · Ctrl+Z annuler · Ctrl+J jury · Échap accueil</source>
        <translation type="vanished">Shortcuts: F5 start/resume · F6 pause · F8 next phase · V/N/O decision · ↑↓ criterion · Ctrl+Z undo · Ctrl+J jury · Esc home</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="138"/>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="138"/>
        <source>formation</source>
        <translation>training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="140"/>
        <source>{name} — bloc {bloc} (CQP {cqp})</source>
        <translation>{name} — block {bloc} (CQP {cqp})</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="143"/>
        <source>voie {route}</source>
        <translation>{route} route</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="147"/>
        <source>PRÉ-POSITIONNEMENT — non certifiant</source>
        <translation>PRE-POSITIONING — not certifying</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="150"/>
        <source>CERTIFICATION</source>
        <translation>CERTIFICATION</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="153"/>
        <source>Président : {p} · Expert métier : {e}</source>
        <translation>Chair: {p} · Professional expert: {e}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="154"/>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="155"/>
        <source>— à désigner —</source>
        <translation>— to appoint —</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="158"/>
        <source>ÉPREUVE ANNULÉE ({reason}) — lecture seule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="160"/>
        <source>ÉPREUVE SIGNÉE — lecture seule</source>
        <translation>SIGNED ASSESSMENT — read only</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_view.py" line="167"/>
        <source>L&apos;avis se rédige une fois l&apos;épreuve terminée (F8 à la dernière phase).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionExportDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="69"/>
        <location filename="../../ui/session_export_dialog.ui" line="7"/>
        <source>Transmettre la session à l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="96"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="103"/>
        <source>celle du/de la président(e) choisi(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="104"/>
        <source>certificat de chiffrement fourni par l&apos;Ucanss (.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="105"/>
        <source>fichier renvoyé par l&apos;Ucanss, par ex. session-2026-12-….ack.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="172"/>
        <source>Aucune session sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="177"/>
        <source>aucun</source>
        <translation type="unfinished">none</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="179"/>
        <source>à jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="181"/>
        <source>données modifiées depuis : exportez à nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="183"/>
        <source>pas encore reçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="185"/>
        <source>reçu pour le dernier paquet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="187"/>
        <source>reçu pour un paquet antérieur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="190"/>
        <source>État : &lt;b&gt;{state}&lt;/b&gt;&lt;br&gt;{signed} avis signé(s) sur {total} épreuve(s) certifiante(s) · dernier paquet exporté : {exported} · accusé de l&apos;Ucanss : {ack}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="196"/>
        <source>{name} (pas d&apos;identité de signature : menu Jury)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="205"/>
        <source>&lt;b&gt;Attention :&lt;/b&gt; {n} épreuve(s) de certification ne sont rattachées à aucune session : elles ne peuvent pas être transmises à l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="223"/>
        <source>Aucune session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="225"/>
        <source>Aucune épreuve de certification dans cette session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="227"/>
        <source>{n} avis reste(nt) à signer avant l&apos;export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="230"/>
        <source>Aucun(e) président(e) pour signer le paquet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="232"/>
        <source>Le/la président(e) choisi(e) n&apos;a pas d&apos;identité de signature sur ce poste (menu Jury › Identités de signature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="234"/>
        <source>Choisissez le certificat de chiffrement de l&apos;Ucanss, ou décochez le chiffrement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="236"/>
        <source>Saisissez la phrase secrète du/de la président(e).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="242"/>
        <source>Rien à effacer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="244"/>
        <source>Noms déjà effacés pour cette session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="246"/>
        <source>Possible seulement quand l&apos;Ucanss a accusé réception du paquet (étape 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="249"/>
        <source>La session a changé depuis le paquet dont l&apos;Ucanss a accusé réception : exportez-la de nouveau et importez le nouvel accusé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="268"/>
        <source>L&apos;Ucanss détient la session : les noms et prénoms de ses candidats peuvent être effacés de ce poste. Identifiants, décisions, avis signés et résultats sont conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="281"/>
        <source>Dossier d&apos;export</source>
        <translation type="unfinished">Export folder</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="285"/>
        <source>Effacer les données personnelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="286"/>
        <source>Effacer les noms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="287"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="293"/>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="360"/>
        <source>Certificat de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="293"/>
        <source>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="303"/>
        <source>Accusé de réception de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="303"/>
        <source>Accusés (*{suffix});;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="320"/>
        <source>Accusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="334"/>
        <source>Dossier d&apos;export : indiquez où écrire le paquet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="341"/>
        <source>Dossier d&apos;export « {path} » impossible à créer : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="344"/>
        <source>Dossier d&apos;export « {path} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="372"/>
        <source>Paquet non exporté : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="378"/>
        <source>&lt;b&gt;Paquet écrit :&lt;/b&gt; {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="379"/>
        <source>Révision {rev}, {c} candidat(s), {e} épreuve(s), {kb} Ko{enc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="381"/>
        <source>, chiffré pour l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="383"/>
        <source>Empreinte du manifeste : {digest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="384"/>
        <source>Remettez ce fichier à l&apos;Ucanss, puis importez ici l&apos;accusé de réception qu&apos;elle renverra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="387"/>
        <source>Attention : sauvegarde après export impossible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="399"/>
        <source>résultats proclamés par le jury paritaire national (.resultats.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="401"/>
        <source>Importer les &amp;résultats proclamés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="408"/>
        <source>Résultats :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="415"/>
        <source>Résultats du jury paritaire national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="415"/>
        <source>Résultats (*{suffix});;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="425"/>
        <source>Résultats : choisissez le fichier renvoyé par l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="427"/>
        <source>Fichier de résultats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="433"/>
        <source>Résultats refusés : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="435"/>
        <source>déjà enregistrés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="435"/>
        <source>enregistrés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="438"/>
        <source>Résultats du jury paritaire national du {day} {done} (signés par {who}) : {n} candidat(s), {cqp} CQP et {ccp} CCP délivrés ; les dossiers les affichent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="449"/>
        <source>Accusé : choisissez le fichier renvoyé par l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="451"/>
        <source>Accusé de réception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="457"/>
        <source>Accusé refusé : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="461"/>
        <source>signé par {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="461"/>
        <source>non signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="463"/>
        <source>déjà enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="463"/>
        <source>enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="464"/>
        <source>Accusé {done} pour la session « {label} », révision {rev} ({signer}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="468"/>
        <source>La session est synchronisée : les données personnelles peuvent être effacées (étape 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="471"/>
        <source>Attention : la session a changé depuis ce paquet ; exportez-la de nouveau avant toute purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="491"/>
        <source> et {n} autre(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="494"/>
        <source>Les noms et prénoms de {n} candidat(s) de la session « {label} » seront effacés définitivement de ce poste : {names}.

Sont conservés : identifiants, décisions, notes, avis signés et résultats (l&apos;Ucanss a déjà tout reçu). Un candidat qui passe aussi une session pas encore synchronisée garde son nom jusque-là.

Effacer maintenant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="506"/>
        <source>Purge annulée : rien n&apos;a été effacé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="515"/>
        <source>Noms effacés pour {n} candidat(s) de la session « {label} » ; identifiants et résultats conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="10"/>
        <source>&amp;Session :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="17"/>
        <source>1. Exporter le paquet signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="19"/>
        <source>&amp;Président(e) qui signe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="21"/>
        <source>P&amp;hrase secrète :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="23"/>
        <source>&amp;Chiffrer le paquet pour l&apos;Ucanss (recommandé sur clé USB) avec son certificat :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="24"/>
        <source>Certificat &amp;Ucanss :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="400"/>
        <location filename="../../ui/session_export_dialog.ui" line="25"/>
        <location filename="../../ui/session_export_dialog.ui" line="38"/>
        <source>Parcourir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="26"/>
        <source>&amp;Dossier d&apos;export :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="27"/>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="28"/>
        <source>&amp;Exporter le paquet signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="35"/>
        <source>2. Importer l&apos;accusé de réception de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="37"/>
        <source>&amp;Accusé (.ack.json) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="39"/>
        <source>&amp;Importer l&apos;accusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="45"/>
        <source>3. Effacer les données personnelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_export_dialog.ui" line="48"/>
        <source>P&amp;urger les données personnelles…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="61"/>
        <location filename="../../ui/settings_dialog.ui" line="9"/>
        <source>Réglages et données</source>
        <translation>Settings and data</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="75"/>
        <source>&amp;Enregistrer les réglages</source>
        <translation>&amp;Save the settings</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="76"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="83"/>
        <source>La base (« {db} »), ses sauvegardes et les réglages sont dans ce dossier. Pour utiliser un autre dossier (par exemple une clé chiffrée), lancez l&apos;application avec l&apos;option --data-dir DOSSIER, ou définissez la variable d&apos;environnement {env}. Copiez d&apos;abord ce dossier entier si vous voulez emporter les données.</source>
        <translation>The database (“{db}”), its backups and the settings are in this folder. To use another folder (for instance an encrypted USB key), start the application with the option --data-dir FOLDER, or set the environment variable {env}. First copy this whole folder if you want to take the data along.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="96"/>
        <source>Les sauvegardes les plus récentes sont toujours gardées ; en plus, la dernière de chaque jour est gardée pendant le nombre de jours indiqué. Les plus anciennes sont supprimées automatiquement.</source>
        <translation>The most recent backups are always kept; in addition, the last one of each day is kept for the number of days given. Older ones are deleted automatically.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="120"/>
        <source>&amp;Langue de l&apos;interface :</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="130"/>
        <source>{problem}
Les réglages par défaut sont affichés ; « Enregistrer » remplacera le fichier.</source>
        <translation>{problem}
The default settings are shown; “Save” will replace the file.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="148"/>
        <source>Dossier d&apos;export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="166"/>
        <source>Réglages non enregistrés : {error}</source>
        <translation>Settings not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="170"/>
        <source>Réglages enregistrés dans « {path} ».</source>
        <translation>Settings saved in “{path}”.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/settings_dialog.py" line="172"/>
        <source>La langue changera au prochain démarrage de l&apos;application.</source>
        <translation>The language will change the next time the application starts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="16"/>
        <source>&amp;Données et export</source>
        <translation>&amp;Data and export</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="20"/>
        <source>Dossier des données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="38"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="40"/>
        <source>Dossier d&apos;&amp;export :</source>
        <translation>&amp;Export folder:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="44"/>
        <source>C&amp;hoisir…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="52"/>
        <source>Sauvegardes automatiques</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="54"/>
        <source>Sauvegardes &amp;récentes conservées :</source>
        <translation>&amp;Recent backups kept:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="56"/>
        <source>&amp;Jours avec une sauvegarde quotidienne :</source>
        <translation>&amp;Days with a daily backup:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="79"/>
        <source>&amp;Sauvegardes</source>
        <translation>&amp;Backups</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/shortcuts_dialog.py" line="35"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <location filename="../../cqp_desktop/gui/signature_pad.py" line="32"/>
        <source>Cadre de signature manuscrite</source>
        <translation>Handwritten signature box</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/signature_pad.py" line="124"/>
        <source>Signez ici</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../cqp_desktop/gui/signature_pad.py" line="160"/>
        <source>Signature manuscrite</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/signature_pad.py" line="161"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/signature_pad.py" line="162"/>
        <source>Effacer la signature et recommencer</source>
        <translation>Clear the signature and start again</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="66"/>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="235"/>
        <location filename="../../ui/trust_dialog.ui" line="7"/>
        <source>Autorité de confiance Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="74"/>
        <source>L&apos;Ucanss certifie qui peut signer : seul un membre du jury dont le certificat a été délivré par son autorité peut signer un avis ou un paquet de session. Son fichier de confiance (.json) apporte le certificat racine de cette autorité, la liste des certificats révoqués et les référentiels publiés. À la première installation, comparez l&apos;empreinte affichée avec celle que l&apos;Ucanss vous a communiquée par un autre moyen (courrier, téléphone) : si un seul caractère diffère, n&apos;installez pas. Installez ensuite chaque nouveau fichier qu&apos;elle publie (révocations, référentiels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="89"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="107"/>
        <source>&lt;b&gt;Aucune autorité installée&lt;/b&gt; : personne ne peut signer sur ce poste tant que le fichier de confiance de l&apos;Ucanss n&apos;est pas installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="120"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;empreinte SHA-256 : &lt;tt&gt;{fp}&lt;/tt&gt;&lt;br&gt;liste de révocation n° {number} du {date} ({revoked} certificat(s) révoqué(s)) ; fichier installé le {installed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="128"/>
        <source>{n} référentiel(s) publié(s) par l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="136"/>
        <source>Fichier de confiance de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="137"/>
        <source>Fichiers de confiance (*.json);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="166"/>
        <source>Fichier « {path} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="169"/>
        <source>Fichier « {path} » illisible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="172"/>
        <source>« {name} » : trop gros pour un fichier de confiance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="177"/>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="263"/>
        <source>Fichier refusé : {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="204"/>
        <source>&lt;b&gt;Première autorité de ce poste.&lt;/b&gt; Comparez l&apos;empreinte ci-dessus avec celle annoncée par l&apos;Ucanss avant d&apos;installer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="206"/>
        <source>&lt;b&gt;Attention : autorité différente de celle installée sur ce poste.&lt;/b&gt; N&apos;installez que si l&apos;Ucanss a annoncé une nouvelle autorité avec cette empreinte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="208"/>
        <source>Mise à jour de l&apos;autorité installée (même racine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="209"/>
        <source>Ce fichier de confiance est déjà installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="210"/>
        <source>&lt;b&gt;Plus ancien que celui installé&lt;/b&gt; : il ne peut pas le remplacer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="213"/>
        <source>Autorité : &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;empreinte SHA-256 : &lt;tt&gt;{fp}&lt;/tt&gt;&lt;br&gt;liste de révocation n° {number} du {date} ({revoked} certificat(s) révoqué(s)) ; {refs} référentiel(s) publié(s)&lt;br&gt;{verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="227"/>
        <source>Installer l&apos;autorité « {name} » comme autorité de confiance de ce poste ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="230"/>
        <source>Ce fichier vient d&apos;une autorité DIFFÉRENTE de celle installée. Installer aussi « {name} » comme autorité de confiance ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="237"/>
        <source>Empreinte SHA-256 :
{fp}

Elle doit être identique, caractère par caractère, à celle que l&apos;Ucanss vous a communiquée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="240"/>
        <source>Les empreintes sont identiques : installer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="241"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="248"/>
        <source>Choisissez d&apos;abord le fichier de confiance reçu de l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="254"/>
        <source>Rien n&apos;a été installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="256"/>
        <source>Refusé : « {source} » vient d&apos;une autre autorité (« {name} ») que celle installée sur ce poste ; rien n&apos;a été installé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="269"/>
        <source>Ce fichier de confiance était déjà installé ; rien n&apos;a changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="272"/>
        <source>{what} : {name} ; liste de révocation n° {number} ; {refs} référentiel(s) publié(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="274"/>
        <source>Autorité installée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/trust_dialog.py" line="274"/>
        <source>Autorité mise à jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.ui" line="11"/>
        <source>Installée sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.ui" line="19"/>
        <source>Fichier de confiance reçu de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.ui" line="23"/>
        <source>&amp;Choisir le fichier de confiance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.ui" line="32"/>
        <source>&amp;Installer ce fichier de confiance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UcanssWindow</name>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="653"/>
        <source>cqp-desktop {v} — Ucanss : consolidation et jury paritaire national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="662"/>
        <source>&amp;1 Import des paquets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="663"/>
        <source>&amp;2 Liste consolidée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="664"/>
        <source>&amp;3 Candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="665"/>
        <source>&amp;4 Jury paritaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="666"/>
        <source>&amp;5 Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/ucanss_window.py" line="674"/>
        <source>Base nationale : {dir}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
