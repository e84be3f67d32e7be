// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Crm {
struct CrmSchema;
}

namespace Mapping {

struct MappingSet;

/**
 * The words CRM Bridge itself writes into a CRM (deal and request names, the lines of its built-in
 * notes), in the CRM connection's language: the mapping's `language`, else the account's own
 * (amoCRM's account `language`; RetailCRM is Russian), never the language of the process. They are
 * content for the CRM's managers, not the operator's interface, so they are a table per language
 * rather than Qt's translator, which the console installs process-wide for its own text. Value type.
 */
class CrmTexts
{
public:
    /** "ru" or "en"; anything else falls back to English. */
    static CrmTexts forLanguage(const QString &language);
    /** The language a connection's CRM texts are in: @p set.language, else the account's, else Russian. */
    static QString languageOf(const MappingSet &set, const Crm::CrmSchema &schema);
    /** The account's language, else Russian (a mapping that does not name one yet). */
    static QString languageOf(const Crm::CrmSchema &schema);

    QString language() const { return m_ru ? QStringLiteral("ru") : QStringLiteral("en"); }

    QString orderTitle(const QString &number) const; ///< "Заказ №2612/63"
    QString requestTitle(const QString &id) const; ///< "Заявка №17"
    QString orderNameTemplate() const; ///< the default deal name of an order, with its placeholder
    QString formNameTemplate() const; ///< the default lead name of a form request
    QString products() const;
    QString cartTotal(const QString &money) const;
    QString delivery(const QString &name, const QString &money) const; ///< name empty: "not chosen"
    QString payment(const QString &name) const;
    QString total(const QString &money) const;
    QString address(const QString &address) const;
    QString comment(const QString &comment) const;
    QString utm(const QString &marks) const;
    QString form(const QString &name) const;
    QString page(const QString &url) const;
    QString purchase(const QString &money) const; ///< "Покупка на 12 345 ₽"
    QString sale(const QString &number) const; ///< "Продажа 00012"

private:
    explicit CrmTexts(bool ru)
        : m_ru(ru)
    { }
    QString pick(const char *en, const char *ru) const;

    bool m_ru = false;
};

} // namespace Mapping
