-- The campaign's focus-area vocabulary; more can be added at run time.
INSERT INTO focus_area (code, label) VALUES ('maternity', 'Maternity');
INSERT INTO focus_area (code, label) VALUES ('deteriorating-patient', 'Deteriorating patient');
INSERT INTO focus_area (code, label) VALUES ('sepsis', 'Sepsis');
INSERT INTO focus_area (code, label) VALUES ('falls', 'Falls');
INSERT INTO focus_area (code, label) VALUES ('pressure-ulcers', 'Pressure ulcers');
INSERT INTO focus_area (code, label) VALUES ('medication-safety', 'Medication safety');
INSERT INTO focus_area (code, label) VALUES ('surgical-safety', 'Surgical safety');
INSERT INTO focus_area (code, label) VALUES ('diagnosis-in-ae', 'Diagnosis in A&E');
INSERT INTO focus_area (code, label) VALUES ('vte', 'Venous thromboembolism');
INSERT INTO focus_area (code, label) VALUES ('hcai', 'Healthcare-associated infection');
INSERT INTO focus_area (code, label) VALUES ('mental-health-safety', 'Mental health safety');
INSERT INTO focus_area (code, label) VALUES ('safety-culture', 'Safety culture');
INSERT INTO focus_area (code, label) VALUES ('learning-disabilities', 'Learning disabilities');
INSERT INTO focus_area (code, label) VALUES ('aki', 'Acute kidney injury');
