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
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="69"/>
        <source>Avis du jury — bloc {bloc}</source>
        <translation>Jury opinion — block {bloc}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="106"/>
        <source>Phrase secrète du signataire</source>
        <translation>Signer&apos;s passphrase</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="107"/>
        <source>Pourquoi l&apos;avis signé est-il corrigé ?</source>
        <translation>Why is the signed opinion being corrected?</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="109"/>
        <source>Pourquoi l&apos;avis du jury diffère-t-il du résultat calculé ?</source>
        <translation>Why does the jury&apos;s opinion differ from the computed result?</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="112"/>
        <source>Suites conseillées au candidat : formation, mise en situation, nouvelle épreuve…</source>
        <translation>Advice for the candidate: training, practice, new assessment…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="118"/>
        <source>Signature manuscrite</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="168"/>
        <source>Commentaire sur {code}</source>
        <translation>Comment on {code}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="190"/>
        <source>Avis du jury — PRÉ-POSITIONNEMENT, non certifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="190"/>
        <source>Avis du jury professionnel</source>
        <translation type="unfinished">Professional jury&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="193"/>
        <source>{first} {last} — {organisme} — CQP {cert}, bloc {bloc} ({title}) — épreuve du {date}</source>
        <translation>{first} {last} — {organisme} — CQP {cert}, block {bloc} ({title}) — assessment of {date}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="227"/>
        <source>acquise</source>
        <translation>acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="227"/>
        <source>non acquise</source>
        <translation>not acquired</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="237"/>
        <source>&lt;b&gt;Reste à faire avant de signer :&lt;/b&gt;</source>
        <translation>&lt;b&gt;Still to do before signing:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="239"/>
        <source>… et {n} autre(s) point(s)</source>
        <translation>… and {n} more item(s)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="243"/>
        <source>Tous les critères sont décidés ; le jury est complet.</source>
        <translation>Every criterion is decided; the jury is complete.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="274"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="342"/>
        <source>Avis signé ; aucune autre signature attendue.</source>
        <translation>Opinion signed; no other signature expected.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="285"/>
        <source>Motif de la correction obligatoire</source>
        <translation>Reason for the correction required</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="290"/>
        <source>{name} n&apos;a pas d&apos;identité de signature sur ce poste (menu Jury)</source>
        <translation>{name} has no signing identity on this computer (Jury menu)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="295"/>
        <source>Signature manuscrite à tracer dans le cadre</source>
        <translation>Draw the handwritten signature in the box</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="297"/>
        <source>Phrase secrète à saisir</source>
        <translation>Enter the passphrase</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="314"/>
        <source>validé</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="314"/>
        <source>non validé</source>
        <translation>not passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="317"/>
        <source>L&apos;avis s&apos;écarte du résultat calculé (bloc {computed} selon les règles) : une justification écrite est obligatoire et l&apos;écart sera signalé sur tous les documents.</source>
        <translation>The opinion departs from the computed result (block {computed} according to the rules): a written justification is required and the departure will be shown on every document.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="321"/>
        <source>Avis différent du résultat calculé (bloc {computed} selon les règles) : écart justifié ci-dessous.</source>
        <translation>Opinion differs from the computed result (block {computed} according to the rules): justified below.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="325"/>
        <source>Préconisations pour le candidat (obligatoires : bloc non validé)</source>
        <translation>Recommendations for the candidate (required: block not passed)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="327"/>
        <source>Préconisations pour le candidat (facultatives)</source>
        <translation>Recommendations for the candidate (optional)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="338"/>
        <source>Aucun(e) président(e) du jury n&apos;est désigné(e) pour cette épreuve : désignez le jury avant de signer.</source>
        <translation>No jury chair is appointed for this assessment: appoint the jury before signing.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="340"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="343"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="350"/>
        <source>Signer</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="346"/>
        <source>Signataire : &lt;b&gt;{name}&lt;/b&gt;, président(e) du jury. La signature verrouille l&apos;épreuve.</source>
        <translation>Signer: &lt;b&gt;{name}&lt;/b&gt;, jury chair. Signing locks the assessment.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="350"/>
        <source>Signer la version {n}</source>
        <translation>Sign version {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="355"/>
        <source>Avis version {n} signé le {date}. Contresignature facultative de &lt;b&gt;{name}&lt;/b&gt;, expert(e) métier.</source>
        <translation>Opinion version {n} signed on {date}. Optional countersignature by &lt;b&gt;{name}&lt;/b&gt;, professional expert.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="358"/>
        <source>Contresigner (expert)</source>
        <translation>Countersign (expert)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="366"/>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="376"/>
        <source>&lt;b&gt;Signature impossible :&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cannot sign:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="371"/>
        <source>Pour contresigner :</source>
        <translation>To countersign:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="377"/>
        <source>&lt;br&gt;… et {n} autre(s)</source>
        <translation>&lt;br&gt;… and {n} more</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="383"/>
        <source>Tout est prêt : vous pouvez signer.</source>
        <translation>All set: you can sign.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="408"/>
        <source>président(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="408"/>
        <source>expert(e) métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="410"/>
        <source>{name}, {role}, le {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="505"/>
        <source>Avis version {n} signé ; l&apos;épreuve est verrouillée.</source>
        <translation>Opinion version {n} signed; the assessment is locked.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="507"/>
        <source>Compte rendu PDF non produit : {problem}</source>
        <translation>PDF report not produced: {problem}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="552"/>
        <source>Enregistrer le compte rendu signé</source>
        <translation>Save the signed report</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="561"/>
        <source>Enregistrement impossible de « {path} » : {error}</source>
        <translation>Cannot save “{path}”: {error}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/avis_dialog.py" line="563"/>
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
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="81"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="82"/>
        <source>&amp;Vérifier la sauvegarde</source>
        <translation>&amp;Check the backup</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="83"/>
        <source>&amp;Restaurer cette sauvegarde…</source>
        <translation>&amp;Restore this backup…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="84"/>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="112"/>
        <source>non vérifiée</source>
        <translation>not checked</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="114"/>
        <source>✔ intacte</source>
        <translation>✔ intact</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="114"/>
        <source>✘ inutilisable</source>
        <translation>✘ unusable</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="116"/>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="196"/>
        <source>{day} à {time}</source>
        <translation>{day} at {time}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="143"/>
        <source>Aucune sauvegarde pour l&apos;instant.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="161"/>
        <source>Sauvegarde prise : {name} ({size}).</source>
        <translation>Backup taken: {name} ({size}).</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="174"/>
        <source>Sauvegarde vérifiée : {message}</source>
        <translation>Backup checked: {message}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="176"/>
        <source>Sauvegarde inutilisable : {message}</source>
        <translation>Backup unusable: {message}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="183"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="194"/>
        <source>Restauration impossible maintenant : {reason}</source>
        <translation>Cannot restore now: {reason}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="198"/>
        <source>Remplacer la base actuelle par la sauvegarde du {when} ({reason}) ?

Tout ce qui a été saisi après cette date disparaîtra de la base. La base actuelle sera d&apos;abord copiée dans les sauvegardes (motif « avant une restauration ») : vous pourrez y revenir.</source>
        <translation>Replace the current database with the backup of {when} ({reason})?

Everything entered after that date will disappear from the database. The current database will first be copied to the backups (reason “before a restore”): you will be able to go back to it.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="202"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="202"/>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/backup_panel.py" line="218"/>
        <source>Base restaurée depuis la sauvegarde du {when}. La base remplacée est conservée dans « {name} ».</source>
        <translation>Database restored from the backup of {when}. The replaced database is kept in “{name}”.</translation>
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
    <name>DossierView</name>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="65"/>
        <source>Dossier de {name}</source>
        <translation>File of {name}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="66"/>
        <source>formation</source>
        <translation>training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="66"/>
        <source>VAE (validation des acquis de l&apos;expérience)</source>
        <translation>VAE (accreditation of prior experience)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="67"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="67"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="69"/>
        <source>CQP visé</source>
        <translation>Target CQP</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="70"/>
        <source>Voie d&apos;accès</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="71"/>
        <source>Organisme employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="72"/>
        <source>Branche de législation</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="73"/>
        <source>Prérequis « Pass et Prem&apos;ss suivis »</source>
        <translation>Prerequisite “Pass and Prem&apos;ss completed”</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="73"/>
        <source>sans objet (VAE)</source>
        <translation>not applicable (VAE)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="80"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="81"/>
        <source>aucun — CQP obtenu</source>
        <translation>none — CQP obtained</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="83"/>
        <source>&lt;b&gt;CCP détenus ({cqp})&lt;/b&gt; : {held}</source>
        <translation>&lt;b&gt;CCP held ({cqp})&lt;/b&gt;: {held}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="84"/>
        <source>&lt;b&gt;Blocs restant à certifier&lt;/b&gt; : {todo}</source>
        <translation>&lt;b&gt;Blocks still to certify&lt;/b&gt;: {todo}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="90"/>
        <source>Blocs communs valables aussi pour le CQP {cqp} : {blocs}</source>
        <translation>Common blocks also valid for the CQP {cqp}: {blocs}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="95"/>
        <source>⚠ Le candidat n&apos;a pas suivi en totalité les formations Pass et Prem&apos;ss.</source>
        <translation>⚠ The candidate has not completed the Pass and Prem&apos;ss trainings.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="97"/>
        <source>&lt;i&gt;CCP détenus : avis du jury signés (la version en vigueur). Une épreuve terminée dont l&apos;avis n&apos;est pas encore signé ne compte pas ; le pré-positionnement ne compte jamais. Le jury paritaire national reste souverain.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="107"/>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="118"/>
        <source>avis signé : bloc validé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="118"/>
        <source>avis signé : bloc non validé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="121"/>
        <source>validé</source>
        <translation type="unfinished">passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="121"/>
        <source>non validé</source>
        <translation type="unfinished">not passed</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="122"/>
        <source>règles : {r} — avis à signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Calcul provisoire : résultat des règles sur les épreuves terminées, en attendant les avis signés. Le pré-positionnement ne compte jamais.&lt;/i&gt;</source>
        <translation type="vanished">&lt;i&gt;Provisional: result of the rules on finished assessments, pending signed opinions. Pre-positioning never counts.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="107"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="107"/>
        <source>Bloc</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="107"/>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="107"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Résultat (règles)</source>
        <translation type="vanished">Result (rules)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="114"/>
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/dossier_view.py" line="114"/>
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
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="53"/>
        <location filename="../../ui/identity_dialog.ui" line="7"/>
        <source>Identités de signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="62"/>
        <source>Pour signer un avis ou un paquet de session, chaque membre du jury a une clé sur ce poste, protégée par sa phrase secrète (au moins {n} caractères). La phrase secrète n&apos;est jamais enregistrée : sans elle, la clé est inutilisable ; en cas d&apos;oubli, créez une nouvelle clé. Une clé remplacée est retirée mais les signatures déjà faites restent vérifiables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="82"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="85"/>
        <source>au moins {n} caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="87"/>
        <source>la même, une seconde fois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="88"/>
        <source>celui donné avec le fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Identité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Empreinte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Créée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="115"/>
        <source>Origine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="126"/>
        <source>✘ aucune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="129"/>
        <source>✔ prête</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="144"/>
        <source>clé créée sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="144"/>
        <source>certificat PKCS#12 importé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="167"/>
        <source>Aucun membre du jury : ajoutez-les d&apos;abord (menu Jury › Candidats, jury et organismes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="169"/>
        <source>Choisissez un membre du jury dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="175"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; n&apos;a pas encore d&apos;identité de signature sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="178"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; : certificat « {subject} », empreinte {fp}, {source} le {date}, valable jusqu&apos;au {until}. Créer ou importer une nouvelle identité la remplace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="187"/>
        <source>Créer une clé sur ce poste pour {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="189"/>
        <source>Remplacer par une nouvelle clé créée sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="199"/>
        <source>Remplacer l&apos;identité de signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="201"/>
        <source>{name} a déjà une identité de signature. La remplacer la retire : les signatures déjà faites restent valables, mais les prochaines utiliseront la nouvelle clé. Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="206"/>
        <source>Remplacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="207"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="232"/>
        <source>Aucune identité enregistrée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="254"/>
        <source>Clé créée pour {name}. Retenez la phrase secrète : elle n&apos;est enregistrée nulle part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="260"/>
        <source>Certificat PKCS#12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="260"/>
        <source>Certificats PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="276"/>
        <source>Fichier : choisissez le certificat PKCS#12 (.p12 ou .pfx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="281"/>
        <source>Fichier « {path} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="284"/>
        <source>Fichier « {path} » illisible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/identity_dialog.py" line="303"/>
        <source>Certificat importé pour {name} ; sa clé est protégée par la nouvelle phrase secrète.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="20"/>
        <source>Créer une clé sur ce poste</source>
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
        <location filename="../../ui/identity_dialog.ui" line="24"/>
        <source>Créer la c&amp;lé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="30"/>
        <source>Importer un certificat PKCS#12 (.p12, .pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="32"/>
        <source>&amp;Fichier :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="33"/>
        <source>Parco&amp;urir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="34"/>
        <source>&amp;Mot de passe du fichier :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="35"/>
        <source>&amp;Nouvelle phrase secrète :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="36"/>
        <source>Con&amp;firmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identity_dialog.ui" line="37"/>
        <source>&amp;Importer le certificat</source>
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
    <name>LivretPanel</name>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="152"/>
        <source>Livret 2 : {lo} à {hi} situation(s) significative(s) pour le bloc {bloc}.</source>
        <translation>Livret 2: {lo} to {hi} significant situation(s) for block {bloc}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="161"/>
        <source>Situation {n}</source>
        <translation>Situation {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="165"/>
        <source>Titre de la situation</source>
        <translation>Title of the situation</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="167"/>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="181"/>
        <source>Enregistrer la situation {n}</source>
        <translation>Save situation {n}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="182"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/runner_panels.py" line="216"/>
        <source>Situation {n} enregistrée.</source>
        <translation>Situation {n} saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="58"/>
        <source>Données : {dir}</source>
        <translation>Data: {dir}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="65"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="66"/>
        <source>&amp;Réglages et données…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="67"/>
        <source>&amp;Sauvegardes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="68"/>
        <source>Ré&amp;férentiel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="70"/>
        <source>&amp;Exporter la session (paquet signé)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="71"/>
        <source>&amp;Importer l&apos;accusé de réception Ucanss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="73"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="74"/>
        <source>É&amp;preuve</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="75"/>
        <source>&amp;Accueil — liste des épreuves</source>
        <translation>&amp;Home — list of assessments</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="76"/>
        <source>&amp;Planifier une épreuve…</source>
        <translation>&amp;Plan an assessment…</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="77"/>
        <source>A&amp;vis du jury et signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="78"/>
        <source>A&amp;nnuler l&apos;épreuve (candidat absent)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="221"/>
        <source>Épreuve : {what}

Motif de l&apos;annulation (l&apos;épreuve ne doit pas avoir commencé ; elle restera visible, marquée « annulée », et ne sera pas transmise) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="79"/>
        <source>&amp;Jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="80"/>
        <source>&amp;Candidats, jury et organismes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="81"/>
        <source>&amp;Identités de signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="82"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="83"/>
        <source>&amp;Guide du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="84"/>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="85"/>
        <source>À &amp;propos de cqp-desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="99"/>
        <source>Référentiel {v} : {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="102"/>
        <source>Validité du référentiel : du {start} au {end}, dépassée aujourd&apos;hui. Vérifiez auprès de l&apos;Ucanss qu&apos;il s&apos;applique encore, ou importez la nouvelle version (Fichier › Référentiel…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="177"/>
        <source>Épreuve planifiée : composez maintenant son jury.</source>
        <translation>Assessment planned: now appoint its jury.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="194"/>
        <source>Jury enregistré.</source>
        <translation>Jury saved.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="208"/>
        <location filename="../../cqp_desktop/gui/application.py" line="216"/>
        <source>Choisissez d&apos;abord une épreuve dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="219"/>
        <location filename="../../cqp_desktop/gui/application.py" line="225"/>
        <source>Annuler l&apos;épreuve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="224"/>
        <source>Candidat absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="226"/>
        <source>Ne rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="241"/>
        <source>dépassement +{t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="242"/>
        <source>reste {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="244"/>
        <source>phase {n}/{total}, écoulé {e}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="258"/>
        <source>{first} {last} — bloc {bloc} — prévue le {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="265"/>
        <source>cqp-desktop</source>
        <translation type="unfinished">cqp-desktop</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="284"/>
        <source>Épreuve annulée : « {reason} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="289"/>
        <source>L&apos;avis se rédige une fois l&apos;épreuve terminée (F8 à la dernière phase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="311"/>
        <source>Avis signé ; {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="313"/>
        <source>Avis signé : l&apos;épreuve est verrouillée (sauvegarde prise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="321"/>
        <source>Fermez d&apos;abord les épreuves ouvertes (Fichier › Quitter puis relancer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="341"/>
        <source>Sauvegarde restaurée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="356"/>
        <source>Référentiel {v} activé pour les nouvelles épreuves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="372"/>
        <source>Identité de signature enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="435"/>
        <source>Quitter pendant une épreuve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="436"/>
        <source>Une épreuve est en cours :
{names}

Quitter met son chronomètre en pause (motif « application fermée »). Quitter quand même ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="438"/>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/application.py" line="439"/>
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
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="66"/>
        <location filename="../../ui/people_dialog.ui" line="9"/>
        <source>Candidats, jury et organismes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="75"/>
        <source>Choisissez une ligne pour la corriger, ou « Nouveau » (Ctrl+N) pour ajouter ; « Enregistrer » (Ctrl+S) écrit aussitôt. Ajoutez d&apos;abord les organismes : un candidat ou un membre du jury en a besoin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="81"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="94"/>
        <source>ex. CPAM-75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="95"/>
        <source>caisse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="96"/>
        <source>certificateur (Ucanss ou délégué)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="116"/>
        <source>nom, prénom ou organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="120"/>
        <source>formation</source>
        <translation type="unfinished">training</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="121"/>
        <source>VAE</source>
        <translation type="unfinished">VAE</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="142"/>
        <source>président(e) du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="143"/>
        <source>expert(e) métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="171"/>
        <source>— aucune —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="181"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="181"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="207"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="232"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="181"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="181"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="232"/>
        <source>Branche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="188"/>
        <source>— choisir —</source>
        <translation type="unfinished">— choose —</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="207"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="232"/>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="207"/>
        <source>Organisme employeur</source>
        <translation type="unfinished">Employer</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="207"/>
        <source>CQP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="207"/>
        <source>Voie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="208"/>
        <source>Pass/Prem&apos;ss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="208"/>
        <source>Épreuves (signées)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="213"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="414"/>
        <source>(données effacées)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="215"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="240"/>
        <source>oui</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="215"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="240"/>
        <source>non</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="232"/>
        <location filename="../../ui/people_dialog.ui" line="122"/>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="232"/>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="233"/>
        <source>Formation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="233"/>
        <source>Signature</source>
        <translation type="unfinished">Signature</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="239"/>
        <source>non formé(e)</source>
        <translation type="unfinished">not trained</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="303"/>
        <source>Rien n&apos;a été enregistré :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="323"/>
        <source>Nouvel organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="332"/>
        <source>Une caisse a une branche de législation : elle sert à choisir l&apos;expert métier de ses candidats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="342"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="415"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="531"/>
        <source>Corriger : {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="353"/>
        <source>Figure dans {n} épreuve(s) signée(s) : seul le nom peut être corrigé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="365"/>
        <source>Organisme ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="369"/>
        <source>Organisme corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="369"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="466"/>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="574"/>
        <source>Aucun changement pour {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="384"/>
        <source>Voie formation : Pass et Prem&apos;ss doivent être suivis en totalité avant une épreuve certifiante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="393"/>
        <source>Nouveau candidat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="430"/>
        <source>Données effacées après synchronisation avec l&apos;Ucanss : plus de correction possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="433"/>
        <source>{n} épreuve(s) signée(s) : le nom, le prénom et Pass/Prem&apos;ss peuvent être corrigés (la correction est journalisée). Le CQP {cqp}, l&apos;organisme et la voie ne peuvent plus changer : l&apos;avis signé et le CCP qu&apos;il ouvre portent sur eux ; signalez une erreur à l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="438"/>
        <source>{n} épreuve(s) planifiée(s) pour le CQP {cqp} : le CQP ne peut plus changer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="461"/>
        <source>Candidat ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="466"/>
        <source>Candidat corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="475"/>
        <source>Déjà transmis à l&apos;Ucanss ({sessions}) : le paquet envoyé porte l&apos;ancienne valeur, prévenez l&apos;Ucanss de la correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="478"/>
        <source>Attention : sans Pass et Prem&apos;ss suivis, aucune épreuve certifiante ne pourra être planifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="501"/>
        <source>Sans date de formation des jurys professionnels des CQP, ce membre ne peut siéger dans aucun jury.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="514"/>
        <source>Nouveau membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="536"/>
        <source>A siégé dans {n} épreuve(s) signée(s) : seuls le nom et le prénom peuvent être corrigés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="570"/>
        <source>Membre du jury ajouté : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="574"/>
        <source>Membre du jury corrigé : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/people_dialog.py" line="577"/>
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
        <location filename="../../ui/people_dialog.ui" line="77"/>
        <location filename="../../ui/people_dialog.ui" line="126"/>
        <source>No&amp;m :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="34"/>
        <location filename="../../ui/people_dialog.ui" line="79"/>
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
        <location filename="../../ui/people_dialog.ui" line="51"/>
        <location filename="../../ui/people_dialog.ui" line="98"/>
        <location filename="../../ui/people_dialog.ui" line="139"/>
        <source>&amp;Nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="53"/>
        <location filename="../../ui/people_dialog.ui" line="100"/>
        <location filename="../../ui/people_dialog.ui" line="141"/>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="63"/>
        <source>Membres du &amp;jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="75"/>
        <source>Membre du jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="81"/>
        <source>&amp;Organisme :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="83"/>
        <source>&amp;Rôle :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="85"/>
        <location filename="../../ui/people_dialog.ui" line="130"/>
        <source>&amp;Branche de législation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="87"/>
        <source>Formation des &amp;jurys :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="88"/>
        <source>suivie le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="89"/>
        <source>&amp;Date de formation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="90"/>
        <source>dd/MM/yyyy</source>
        <translation type="unfinished">dd/MM/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="110"/>
        <source>&amp;Organismes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="124"/>
        <source>&amp;Code :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/people_dialog.ui" line="128"/>
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
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="28"/>
        <source>cqp-desktop — base de données inutilisable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="31"/>
        <source>La base de données ne peut pas être ouverte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="48"/>
        <source>Quitter sans rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="55"/>
        <source>Aucune sauvegarde intacte n&apos;a été trouvée dans « {folder} ». Contactez le support Ucanss ; ne supprimez pas le fichier de la base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="63"/>
        <source>Dernière sauvegarde intacte : {date} ({reason}, {size}) — {check}
La restaurer remplace la base par cette copie ; le fichier endommagé est conservé à part. Ce qui a été saisi après cette sauvegarde n&apos;y figure pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="73"/>
        <source>Restaurer la sauvegarde du {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/recovery_dialog.py" line="96"/>
        <source>Restauration impossible : {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielDialog</name>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="56"/>
        <source>Référentiel</source>
        <translation>Référentiel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="69"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="72"/>
        <source>&amp;Activer pour les nouvelles épreuves</source>
        <translation>&amp;Activate for new assessments</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="77"/>
        <location filename="../../ui/referentiel_dialog.ui" line="36"/>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="77"/>
        <location filename="../../ui/referentiel_dialog.ui" line="37"/>
        <source>Changement</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="96"/>
        <source>Aucun référentiel actif.</source>
        <translation>No active référentiel.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="98"/>
        <source>critères indicatifs</source>
        <translation>indicative criteria</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="98"/>
        <source>critères officiels</source>
        <translation>official criteria</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="100"/>
        <source>Référentiel actif : {title}
version {version} ({status}), valable du {start} au {end}</source>
        <translation>Active référentiel: {title}
version {version} ({status}), valid from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="110"/>
        <source>Un nouveau référentiel ne vaut que pour les épreuves planifiées après son activation. Les {count} épreuve(s) déjà planifiée(s) et non signée(s) gardent le référentiel avec lequel elles ont été planifiées ; une épreuve en cours n&apos;est jamais modifiée.</source>
        <translation>A new référentiel applies only to assessments planned after it is activated. The {count} assessment(s) already planned and not signed keep the référentiel they were planned with; a running assessment is never changed.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="124"/>
        <source>Choisir un fichier de référentiel</source>
        <translation>Choose a référentiel file</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="126"/>
        <source>Référentiels (*.toml *.json);;Tous les fichiers (*)</source>
        <translation>Référentiels (*.toml *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="142"/>
        <source>Ce fichier ne peut pas être utilisé :</source>
        <translation>This file cannot be used:</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="148"/>
        <source>Ce fichier est identique au référentiel actif : rien à changer.</source>
        <translation>This file is identical to the active référentiel: nothing to change.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="152"/>
        <source>Fichier valide : {title}, version {version}.</source>
        <translation>Valid file: {title}, version {version}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="157"/>
        <source>Différences avec le référentiel actif : {summary}.</source>
        <translation>Differences from the active référentiel: {summary}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="160"/>
        <source>⚠ Ses critères sont indicatifs : {notice}.</source>
        <translation>⚠ Its criteria are indicative: {notice}.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="164"/>
        <source>⚠ Il n&apos;est pas valable aujourd&apos;hui (validité du {start} au {end}).</source>
        <translation>⚠ It is not valid today (valid from {start} to {end}).</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="191"/>
        <source>ajouté : {what}</source>
        <translation>added: {what}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="193"/>
        <source>supprimé : {what}</source>
        <translation>removed: {what}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="195"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="197"/>
        <source>{field} modifié
avant : {before}
après : {after}</source>
        <translation>{field} changed
before: {before}
after: {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="200"/>
        <source>{field} : {before} → {after}</source>
        <translation>{field}: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="206"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="215"/>
        <source>Activer le référentiel {label} pour les épreuves planifiées à partir de maintenant ?

Les épreuves déjà planifiées gardent leur référentiel.</source>
        <translation>Activate the référentiel {label} for assessments planned from now on?

Assessments already planned keep their référentiel.</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="218"/>
        <source>Activer le référentiel</source>
        <translation>Activate the référentiel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="218"/>
        <source>Activer</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/referentiel_dialog.py" line="229"/>
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
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="68"/>
        <location filename="../../ui/session_export_dialog.ui" line="7"/>
        <source>Transmettre la session à l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="94"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="101"/>
        <source>celle du/de la président(e) choisi(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="102"/>
        <source>certificat de chiffrement fourni par l&apos;Ucanss (.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="103"/>
        <source>fichier renvoyé par l&apos;Ucanss, par ex. session-2026-12-….ack.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="173"/>
        <source>Aucune session sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="178"/>
        <source>aucun</source>
        <translation type="unfinished">none</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="180"/>
        <source>à jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="182"/>
        <source>données modifiées depuis : exportez à nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="184"/>
        <source>pas encore reçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="186"/>
        <source>reçu pour le dernier paquet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="188"/>
        <source>reçu pour un paquet antérieur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="191"/>
        <source>État : &lt;b&gt;{state}&lt;/b&gt;&lt;br&gt;{signed} avis signé(s) sur {total} épreuve(s) certifiante(s) · dernier paquet exporté : {exported} · accusé de l&apos;Ucanss : {ack}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="197"/>
        <source>{name} (pas d&apos;identité de signature : menu Jury)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="206"/>
        <source>&lt;b&gt;Attention :&lt;/b&gt; {n} épreuve(s) de certification ne sont rattachées à aucune session : elles ne peuvent pas être transmises à l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="224"/>
        <source>Aucune session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="226"/>
        <source>Aucune épreuve de certification dans cette session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="228"/>
        <source>{n} avis reste(nt) à signer avant l&apos;export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="231"/>
        <source>Aucun(e) président(e) pour signer le paquet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="233"/>
        <source>Le/la président(e) choisi(e) n&apos;a pas d&apos;identité de signature sur ce poste (menu Jury › Identités de signature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="235"/>
        <source>Choisissez le certificat de chiffrement de l&apos;Ucanss, ou décochez le chiffrement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="237"/>
        <source>Saisissez la phrase secrète du/de la président(e).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="243"/>
        <source>Rien à effacer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="245"/>
        <source>Noms déjà effacés pour cette session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="247"/>
        <source>Possible seulement quand l&apos;Ucanss a accusé réception du paquet (étape 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="250"/>
        <source>La session a changé depuis le paquet dont l&apos;Ucanss a accusé réception : exportez-la de nouveau et importez le nouvel accusé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="269"/>
        <source>L&apos;Ucanss détient la session : les noms et prénoms de ses candidats peuvent être effacés de ce poste. Identifiants, décisions, avis signés et résultats sont conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="282"/>
        <source>Dossier d&apos;export</source>
        <translation type="unfinished">Export folder</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="286"/>
        <source>Effacer les données personnelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="287"/>
        <source>Effacer les noms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="288"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="294"/>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="360"/>
        <source>Certificat de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="294"/>
        <source>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="304"/>
        <source>Accusé de réception de l&apos;Ucanss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="304"/>
        <source>Accusés (*{suffix});;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="323"/>
        <source>{what} « {path} » introuvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="325"/>
        <source>{what} « {path} » est un dossier, pas un fichier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="327"/>
        <source>{what} « {path} » illisible : {error}</source>
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
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="396"/>
        <source>Accusé : choisissez le fichier renvoyé par l&apos;Ucanss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="398"/>
        <source>Accusé de réception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="404"/>
        <source>Accusé refusé : {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="408"/>
        <source>signé par {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="408"/>
        <source>non signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="410"/>
        <source>déjà enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="410"/>
        <source>enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="411"/>
        <source>Accusé {done} pour la session « {label} », révision {rev} ({signer}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="415"/>
        <source>La session est synchronisée : les données personnelles peuvent être effacées (étape 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="418"/>
        <source>Attention : la session a changé depuis ce paquet ; exportez-la de nouveau avant toute purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="438"/>
        <source> et {n} autre(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="441"/>
        <source>Les noms et prénoms de {n} candidat(s) de la session « {label} » seront effacés définitivement de ce poste : {names}.

Sont conservés : identifiants, décisions, notes, avis signés et résultats (l&apos;Ucanss a déjà tout reçu). Un candidat qui passe aussi une session pas encore synchronisée garde son nom jusque-là.

Effacer maintenant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="453"/>
        <source>Purge annulée : rien n&apos;a été effacé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cqp_desktop/gui/session_export_dialog.py" line="462"/>
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
</TS>
