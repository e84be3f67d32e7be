// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/FieldMap.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;

namespace Gui {

class FieldMapModel;

/**
 * The settings of the field grid's current row that do not fit a cell, edited in place: the
 * transform's arguments (template text with the fields it can use, constant, join separator, date
 * format and zone, phone region, the lookup table with its fallback), skip-empty, the kind of a
 * phone/e-mail/multitext value (WORK, MOB …), and a new CRM field as the target. Every change goes
 * to the model as one undoable edit. GUI thread; owned by its field map editor.
 */
class FieldRowDetails : public QWidget
{
    Q_OBJECT
public:
    FieldRowDetails(FieldMapModel *model, Mapping::SourceKind kind, QWidget *parent = nullptr);

    /** Shows row @p row (-1: none). */
    void showRow(int row);
    int row() const { return m_row; }

private:
    enum Page { NoArgumentPage, TemplatePage, TextPage, DatePage, LookupPage };
    void commit();
    void fillEnumCodes(const Mapping::FieldRow &row);
    QWidget *templatePage();
    QWidget *textPage();
    QWidget *datePage();
    QWidget *lookupPage();

    FieldMapModel *m_model;
    Mapping::SourceKind m_kind;
    int m_row = -1;
    bool m_showing = false;
    QLabel *m_title;
    QStackedWidget *m_pages;
    QLineEdit *m_template;
    QComboBox *m_insert;
    QLabel *m_textLabel;
    QLineEdit *m_text;
    QLineEdit *m_dateFormat;
    QLineEdit *m_timeZone;
    QTableWidget *m_lookup;
    QCheckBox *m_fallbackOn;
    QLineEdit *m_fallback;
    QCheckBox *m_skipEmpty;
    QComboBox *m_enumCode;
    QLineEdit *m_newName;
    QComboBox *m_newType;
};

} // namespace Gui
