; Thai messages for Inno Setup 6, written for ASR Desktop (อสร. Desktop).
;
; Inno Setup ships no Thai file (Thai is only among the unofficial, user-contributed
; translations at jrsoftware.org/files/istrans), so this one is ours. asr_desktop.iss loads
; it after compiler:Default.isl, so every message not translated here shows in English
; instead of failing the build: add a line here to translate one more.
;
; Saved as UTF-8 with a byte-order mark (Inno Setup 6 reads Thai only that way).
; Keyboard accelerators are Latin letters in brackets, "ถัดไป (&N) >", as in Windows' own
; Thai dialogs: an & inside a Thai word would underline half a syllable.

[LangOptions]
LanguageName=<0E44><0E17><0E22>
LanguageID=$041E
LanguageCodePage=874
; Tahoma has Thai on every Windows; Segoe UI, the default, has none of its own.
DialogFontName=Tahoma
DialogFontSize=9
WelcomeFontName=Tahoma
WelcomeFontSize=12

[Messages]
SetupAppTitle=ติดตั้งโปรแกรม
SetupWindowTitle=ติดตั้งโปรแกรม - %1
UninstallAppTitle=ถอนการติดตั้ง
UninstallAppFullTitle=ถอนการติดตั้ง %1

InformationTitle=ข้อมูล
ConfirmTitle=ยืนยัน
ErrorTitle=ข้อผิดพลาด

SetupLdrStartupMessage=โปรแกรมนี้จะติดตั้ง %1 ต้องการดำเนินการต่อหรือไม่
SetupAlreadyRunning=โปรแกรมติดตั้งกำลังทำงานอยู่แล้ว
WindowsVersionNotSupported=โปรแกรมนี้ใช้กับ Windows รุ่นที่ติดตั้งในเครื่องนี้ไม่ได้
WinVersionTooLowError=โปรแกรมนี้ต้องใช้ %1 รุ่น %2 ขึ้นไป
SetupAppRunningError=โปรแกรมติดตั้งพบว่า %1 กำลังเปิดอยู่%n%nกรุณาปิดโปรแกรมนั้นทุกหน้าต่าง แล้วคลิก ตกลง เพื่อดำเนินการต่อ หรือ ยกเลิก เพื่อออก
UninstallAppRunningError=โปรแกรมถอนการติดตั้งพบว่า %1 กำลังเปิดอยู่%n%nกรุณาปิดโปรแกรมนั้นทุกหน้าต่าง แล้วคลิก ตกลง เพื่อดำเนินการต่อ หรือ ยกเลิก เพื่อออก

ErrorCreatingDir=โปรแกรมติดตั้งสร้างโฟลเดอร์ "%1" ไม่ได้

ExitSetupTitle=ออกจากการติดตั้ง
ExitSetupMessage=การติดตั้งยังไม่เสร็จ ถ้าออกตอนนี้ โปรแกรมจะไม่ถูกติดตั้ง%n%nคุณสามารถเปิดโปรแกรมติดตั้งอีกครั้งภายหลังเพื่อติดตั้งให้เสร็จ%n%nต้องการออกจากการติดตั้งหรือไม่
AboutSetupMenuItem=เกี่ยวกับโปรแกรมติดตั้ง... (&A)
AboutSetupTitle=เกี่ยวกับโปรแกรมติดตั้ง

ButtonBack=< ย้อนกลับ (&B)
ButtonNext=ถัดไป (&N) >
ButtonInstall=ติดตั้ง (&I)
ButtonOK=ตกลง
ButtonCancel=ยกเลิก
ButtonYes=ใช่ (&Y)
ButtonYesToAll=ใช่ทั้งหมด (&A)
ButtonNo=ไม่ (&N)
ButtonNoToAll=ไม่ทั้งหมด (&O)
ButtonFinish=เสร็จสิ้น (&F)
ButtonBrowse=เลือก... (&B)
ButtonWizardBrowse=เลือก... (&R)
ButtonNewFolder=สร้างโฟลเดอร์ใหม่ (&M)

SelectLanguageTitle=เลือกภาษาของโปรแกรมติดตั้ง
SelectLanguageLabel=เลือกภาษาที่จะใช้ระหว่างการติดตั้ง:

ClickNext=คลิก ถัดไป เพื่อดำเนินการต่อ หรือ ยกเลิก เพื่อออกจากการติดตั้ง
BrowseDialogTitle=เลือกโฟลเดอร์
BrowseDialogLabel=เลือกโฟลเดอร์จากรายการด้านล่าง แล้วคลิก ตกลง
NewFolderName=โฟลเดอร์ใหม่

WelcomeLabel1=ยินดีต้อนรับสู่การติดตั้ง [name]
WelcomeLabel2=โปรแกรมนี้จะติดตั้ง [name/ver] ลงในเครื่องคอมพิวเตอร์ของคุณ สำหรับผู้ใช้ปัจจุบัน โดยไม่ต้องใช้สิทธิ์ผู้ดูแลระบบ%n%nถ้าเคยติดตั้งรุ่นก่อนไว้ ข้อมูลของสำนักงานจะยังอยู่ครบ%n%nแนะนำให้ปิดโปรแกรมอื่นก่อนดำเนินการต่อ

WizardSelectDir=เลือกตำแหน่งที่จะติดตั้ง
SelectDirDesc=จะติดตั้ง [name] ไว้ที่ใด
SelectDirLabel3=โปรแกรมติดตั้งจะติดตั้ง [name] ลงในโฟลเดอร์ต่อไปนี้
SelectDirBrowseLabel=คลิก ถัดไป เพื่อดำเนินการต่อ ถ้าต้องการเลือกโฟลเดอร์อื่น คลิก เลือก
DiskSpaceMBLabel=ต้องมีพื้นที่ว่างบนดิสก์อย่างน้อย [mb] MB
InvalidPath=ต้องระบุตำแหน่งเต็มพร้อมอักษรไดรฟ์ เช่น%n%nC:\APP
InvalidDrive=ไม่พบไดรฟ์ที่เลือก หรือเข้าถึงไม่ได้ กรุณาเลือกใหม่
DiskSpaceWarningTitle=พื้นที่ดิสก์ไม่พอ
DiskSpaceWarning=การติดตั้งต้องใช้พื้นที่ว่างอย่างน้อย %1 KB แต่ไดรฟ์ที่เลือกมีเพียง %2 KB%n%nต้องการดำเนินการต่อหรือไม่
DirNameTooLong=ชื่อโฟลเดอร์หรือตำแหน่งยาวเกินไป
InvalidDirName=ชื่อโฟลเดอร์ไม่ถูกต้อง
BadDirName32=ชื่อโฟลเดอร์ต้องไม่มีอักขระต่อไปนี้:%n%n%1
DirExistsTitle=มีโฟลเดอร์นี้อยู่แล้ว
DirExists=มีโฟลเดอร์:%n%n%1%n%nอยู่แล้ว ต้องการติดตั้งลงในโฟลเดอร์นี้หรือไม่
DirDoesntExistTitle=ไม่มีโฟลเดอร์นี้
DirDoesntExist=ยังไม่มีโฟลเดอร์:%n%n%1%n%nต้องการให้สร้างโฟลเดอร์นี้หรือไม่

WizardSelectTasks=เลือกงานเพิ่มเติม
SelectTasksDesc=ต้องการให้ทำอะไรเพิ่มเติม
SelectTasksLabel2=เลือกงานที่ต้องการให้ทำระหว่างติดตั้ง [name] แล้วคลิก ถัดไป

WizardReady=พร้อมติดตั้ง
ReadyLabel1=โปรแกรมติดตั้งพร้อมจะติดตั้ง [name] ลงในเครื่องคอมพิวเตอร์ของคุณแล้ว
ReadyLabel2a=คลิก ติดตั้ง เพื่อเริ่มติดตั้ง หรือคลิก ย้อนกลับ ถ้าต้องการตรวจหรือแก้ไขการตั้งค่า
ReadyLabel2b=คลิก ติดตั้ง เพื่อเริ่มติดตั้ง
ReadyMemoDir=ตำแหน่งที่ติดตั้ง:
ReadyMemoGroup=โฟลเดอร์ในเมนูเริ่ม:
ReadyMemoTasks=งานเพิ่มเติม:

WizardPreparing=กำลังเตรียมการติดตั้ง
PreparingDesc=โปรแกรมติดตั้งกำลังเตรียมติดตั้ง [name] ลงในเครื่องคอมพิวเตอร์ของคุณ
CannotContinue=ติดตั้งต่อไม่ได้ กรุณาคลิก ยกเลิก เพื่อออก
ApplicationsFound=โปรแกรมต่อไปนี้กำลังใช้ไฟล์ที่ต้องปรับปรุง แนะนำให้โปรแกรมติดตั้งปิดโปรแกรมเหล่านี้ให้อัตโนมัติ
ApplicationsFound2=โปรแกรมต่อไปนี้กำลังใช้ไฟล์ที่ต้องปรับปรุง แนะนำให้โปรแกรมติดตั้งปิดโปรแกรมเหล่านี้ให้อัตโนมัติ เมื่อติดตั้งเสร็จ โปรแกรมติดตั้งจะพยายามเปิดโปรแกรมเหล่านั้นใหม่
CloseApplications=ปิดโปรแกรมเหล่านี้ให้อัตโนมัติ (&A)
DontCloseApplications=ไม่ต้องปิดโปรแกรมเหล่านี้ (&D)
ErrorCloseApplications=โปรแกรมติดตั้งปิดโปรแกรมบางตัวให้อัตโนมัติไม่ได้ กรุณาปิดโปรแกรมที่ใช้ไฟล์ซึ่งต้องปรับปรุงก่อนดำเนินการต่อ

WizardInstalling=กำลังติดตั้ง
InstallingLabel=กรุณารอสักครู่ โปรแกรมติดตั้งกำลังติดตั้ง [name] ลงในเครื่องคอมพิวเตอร์ของคุณ

FinishedHeadingLabel=ติดตั้ง [name] เสร็จแล้ว
FinishedLabelNoIcons=โปรแกรมติดตั้งได้ติดตั้ง [name] ลงในเครื่องคอมพิวเตอร์ของคุณเรียบร้อยแล้ว
FinishedLabel=โปรแกรมติดตั้งได้ติดตั้ง [name] ลงในเครื่องคอมพิวเตอร์ของคุณเรียบร้อยแล้ว เปิดโปรแกรมได้จากทางลัดที่สร้างไว้
ClickFinish=คลิก เสร็จสิ้น เพื่อออกจากการติดตั้ง
RunEntryExec=เปิด %1

SetupAborted=การติดตั้งไม่เสร็จสมบูรณ์%n%nกรุณาแก้ไขปัญหาแล้วเปิดโปรแกรมติดตั้งอีกครั้ง
StatusClosingApplications=กำลังปิดโปรแกรม...
StatusCreateDirs=กำลังสร้างโฟลเดอร์...
StatusExtractFiles=กำลังคัดลอกไฟล์...
StatusCreateIcons=กำลังสร้างทางลัด...
StatusSavingUninstall=กำลังบันทึกข้อมูลสำหรับการถอนการติดตั้ง...
StatusRunProgram=กำลังจบการติดตั้ง...
StatusRollback=กำลังย้อนการเปลี่ยนแปลง...

UninstallNotFound=ไม่พบไฟล์ "%1" ถอนการติดตั้งไม่ได้
ConfirmUninstall=ต้องการถอนการติดตั้ง %1 ออกจากเครื่องนี้หรือไม่%n%n(ฐานข้อมูลของสำนักงานจะถูกเก็บไว้ เว้นแต่คุณเลือกให้ลบในขั้นตอนถัดไป)
UninstallStatusLabel=กรุณารอสักครู่ กำลังถอน %1 ออกจากเครื่องคอมพิวเตอร์ของคุณ
UninstalledAll=ถอนการติดตั้ง %1 ออกจากเครื่องคอมพิวเตอร์ของคุณเรียบร้อยแล้ว
UninstalledMost=ถอนการติดตั้ง %1 เสร็จแล้ว%n%nบางรายการลบไม่ได้ สามารถลบเองได้ภายหลัง
WizardUninstalling=สถานะการถอนการติดตั้ง
StatusUninstalling=กำลังถอนการติดตั้ง %1...

ShutdownBlockReasonInstallingApp=กำลังติดตั้ง %1
ShutdownBlockReasonUninstallingApp=กำลังถอนการติดตั้ง %1

[CustomMessages]
NameAndVersion=%1 รุ่น %2
AdditionalIcons=ทางลัดเพิ่มเติม:
CreateDesktopIcon=สร้างทางลัดบนเดสก์ท็อป (&D)
UninstallProgram=ถอนการติดตั้ง %1
LaunchProgram=เปิด %1

; ASR Desktop's own messages (asr_desktop.iss has the English ones).
AppDisplayName=อสร. Desktop
DeleteDataTitle=ข้อมูลของสำนักงาน
DeleteDataExplain=ฐานข้อมูลและสำเนาสำรองอยู่ในโฟลเดอร์%n%1%n%nโปรแกรมจะเก็บไว้ให้ เพื่อให้การติดตั้งใหม่หรือรุ่นใหม่กว่าเปิดข้อมูลเดิมได้ ทำเครื่องหมายเฉพาะเมื่อไม่ต้องการให้เครื่องนี้เก็บข้อมูลอาสาสมัครอีกต่อไป
DeleteDataCheck=ลบฐานข้อมูลและสำเนาสำรองทั้งหมดด้วย กู้คืนไม่ได้ (&D)
DeleteDataConfirm=ข้อมูลอาสาสมัครและสำเนาสำรองทั้งหมดในเครื่องนี้จะถูกลบและกู้คืนไม่ได้%n%nต้องการลบหรือไม่
DataKeptNote=ข้อมูลของสำนักงานยังเก็บไว้ที่ %1
