// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Gui {

QString installTranslations(const QString &language)
{
    // No --lang: the choice made on the Settings page, else the system's.
    QString lang
        = language.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString() : language;
    if (lang.isEmpty())
        lang = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (lang != QLatin1String("ru"))
        lang = QStringLiteral("en");
    QLocale::setDefault(QLocale(lang == QLatin1String("ru") ? QLocale::Russian : QLocale::English,
                                lang == QLatin1String("ru") ? QLocale::Russia : QLocale::UnitedStates));

    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(QStringLiteral(":/i18n/crmbridge_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(app);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return lang;
}

} // namespace Gui
